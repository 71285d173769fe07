namespace Caduceus.Detection.Tests.Phi.Identifiers;

/// <summary>The identifier recognizers together in the default analyzer: one finding per identifier, none on plain notes.</summary>
[Collection(SequentialScans.Name)]
public sealed class DefaultAnalyzerIdentifierTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.CreateDefault();

    private static IReadOnlyList<Finding> Analyze(string text) => Analyzer.Analyze(new DetectionInput(text, TextSource.User));

    [Fact]
    public void Finds_each_identifier_of_a_registration_form_once_with_its_type()
    {
        const string text =
            "Member ID: XJH123456789, Medicare MBI 1EG4-TE5-MK73\n" +
            "Phone: (312) 555-0147  Fax: (312) 555-0199\n" +
            "Card on file: 4111 1111 1111 1111. IBAN DE89 3704 0044 0532 0130 00. Routing 021000021.\n" +
            "NPI 1234567893, DEA AB1234563, state license # MD-48213. VIN 1HGCM82633A004352, plate 7ABC123.\n" +
            "Pacemaker S/N PJN123456, UDI (01)10614141000415(21)7781234. Fingerprint ID FP-00912. Case number 2023-CV-0081.";

        var findings = Analyze(text).Where(f => f.Score >= 0.5).ToList();

        Assert.Equal(
        [
            (EntityTypes.HealthPlanId, "XJH123456789"), (EntityTypes.HealthPlanId, "1EG4-TE5-MK73"),
            (EntityTypes.Phone, "(312) 555-0147"), (EntityTypes.Fax, "(312) 555-0199"),
            (EntityTypes.Account, "4111 1111 1111 1111"), (EntityTypes.Account, "DE89 3704 0044 0532 0130 00"),
            (EntityTypes.Account, "021000021"), (EntityTypes.License, "1234567893"), (EntityTypes.License, "AB1234563"),
            (EntityTypes.License, "MD-48213"), (EntityTypes.Vehicle, "1HGCM82633A004352"), (EntityTypes.Vehicle, "7ABC123"),
            (EntityTypes.DeviceId, "PJN123456"), (EntityTypes.DeviceId, "(01)10614141000415(21)7781234"),
            (EntityTypes.Biometric, "FP-00912"), (EntityTypes.OtherId, "2023-CV-0081"),
        ],
            findings.Select(f => (f.EntityType, f.Covered(text))));
    }

    [Fact]
    public void Reports_a_fax_number_as_fax_only()
    {
        const string text = "Fax: (312) 555-0199";

        var finding = Assert.Single(Analyze(text));

        Assert.Equal(EntityTypes.Fax, finding.EntityType);
    }

    [Fact]
    public void Reports_nothing_above_threshold_on_a_clinical_note_without_identifiers()
    {
        const string text =
            "67 yo male with hx of T2DM, HTN, CKD stage 3 (eGFR 42), s/p CABG x3 in 2015, 2 days of dyspnea and 3-pillow " +
            "orthopnea. Echo last year showed EF 35-40%, moderate MR. Meds: metformin 500mg BID, lisinopril 20 mg daily. " +
            "Vitals: T 98.6, HR 92, BP 148/88, SpO2 93% on RA. Labs: Na 134, K 4.8, BNP 1240, troponin 0.04, HbA1c 7.9. " +
            "Plan: IV furosemide 40 mg BID, 2 g Na diet. Case discussed at tumor board; ICD-10 C18.7, CPT 99214. " +
            "Serial troponins negative x2. Group B strep negative. Patient is G2P1011 at 32w3d. Visit 3 of 6. Pain 7/10. " +
            "Policy on visitors reviewed. ID band checked x2. Plan B discussed. Genetics: BRCA1 negative, COVID-19 x3. " +
            "She reports one or two episodes per week, rated five out of ten, and walks for thirty minutes twice daily.";

        var findings = Analyze(text).Where(f => f.Score >= 0.5);

        Assert.Empty(findings);
    }

    public static TheoryData<string> AdversarialInputs => new()
    {
        string.Concat(Enumerable.Repeat("Member ID: ", 9_000)),
        string.Concat(Enumerable.Repeat("acct # 12 ", 10_000)),
        string.Concat(Enumerable.Repeat("five five ", 10_000)),
        string.Concat(Enumerable.Repeat("S as in Sam, ", 8_000)),
        string.Concat(Enumerable.Repeat("4111 1111 ", 10_000)),
        string.Concat(Enumerable.Repeat("(01)1061414100041", 6_000)),
        string.Concat(Enumerable.Repeat("1EG4-TE5-", 11_000)),
        string.Concat(Enumerable.Repeat("AB12-", 20_000)),
    };

    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void Scans_100_kb_adversarial_identifier_input_without_timing_out(string text)
    {
        Assert.NotNull(Analyze(text));
    }
}
