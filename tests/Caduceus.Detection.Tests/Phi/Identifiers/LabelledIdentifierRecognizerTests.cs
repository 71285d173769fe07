using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Identifiers;

[Collection(SequentialScans.Name)]
public sealed class LabelledIdentifierRecognizerTests
{
    private readonly LabelledIdentifierRecognizer _recognizer = new();

    [Theory]
    [InlineData("Member ID: XJH123456789", "XJH123456789", "HEALTH_PLAN_ID")]
    [InlineData("policy # 00412-7781", "00412-7781", "HEALTH_PLAN_ID")]
    [InlineData("Subscriber ID W123 4567 890", "W123 4567 890", "HEALTH_PLAN_ID")]
    [InlineData("Medicaid #: 12345678A", "12345678A", "HEALTH_PLAN_ID")]
    [InlineData("BCBS ID XYZ8823401", "XYZ8823401", "HEALTH_PLAN_ID")]
    [InlineData("Group number: 4521", "4521", "HEALTH_PLAN_ID")]
    [InlineData("insurance card number is AET-55001234", "AET-55001234", "HEALTH_PLAN_ID")]
    [InlineData("acct # 0012-3345", "0012-3345", "ACCOUNT")]
    [InlineData("Account number: 123456789012", "123456789012", "ACCOUNT")]
    [InlineData("billing id B-20240117-009", "B-20240117-009", "ACCOUNT")]
    [InlineData("Claim #: 2024-00123", "2024-00123", "ACCOUNT")]
    [InlineData("invoice no. INV-88213", "INV-88213", "ACCOUNT")]
    [InlineData("FIN 40012345", "40012345", "ACCOUNT")]
    [InlineData("license # A1234567", "A1234567", "LICENSE")]
    [InlineData("Lic. 88-1234", "88-1234", "LICENSE")]
    [InlineData("DL: D1234567", "D1234567", "LICENSE")]
    [InlineData("driver's license number S530-7842-1190", "S530-7842-1190", "LICENSE")]
    [InlineData("RN licence no RN.123456", "RN.123456", "LICENSE")]
    [InlineData("certificate # C-99812", "C-99812", "LICENSE")]
    [InlineData("license plate 7ABC123", "7ABC123", "VEHICLE")]
    [InlineData("Plate: ABC 1234", "ABC 1234", "VEHICLE")]
    [InlineData("tag # 4GHT771", "4GHT771", "VEHICLE")]
    [InlineData("Pacemaker serial number: PJN123456", "PJN123456", "DEVICE_ID")]
    [InlineData("S/N 8812-A77", "8812-A77", "DEVICE_ID")]
    [InlineData("SN: 40022981", "40022981", "DEVICE_ID")]
    [InlineData("device id DX-7781-22", "DX-7781-22", "DEVICE_ID")]
    [InlineData("IMEI 356938035643809", "356938035643809", "DEVICE_ID")]
    [InlineData("fingerprint id FP-00912", "FP-00912", "BIOMETRIC")]
    [InlineData("Voiceprint #: VP2231-88", "VP2231-88", "BIOMETRIC")]
    [InlineData("retina scan ref no. RS-44812", "RS-44812", "BIOMETRIC")]
    [InlineData("iris template ID 77F2A9C1", "77F2A9C1", "BIOMETRIC")]
    [InlineData("face photo ID 99812", "99812", "BIOMETRIC")]
    [InlineData("ID: 4482-AX-19", "4482-AX-19", "OTHER_ID")]
    [InlineData("patient # 88123-B", "88123-B", "OTHER_ID")]
    [InlineData("case number 2023-CV-0081", "2023-CV-0081", "OTHER_ID")]
    [InlineData("Ref #: QX7781", "QX7781", "OTHER_ID")]
    [InlineData("confirmation code K7P2Q9", "K7P2Q9", "OTHER_ID")]
    [InlineData("accession # S24-11872", "S24-11872", "OTHER_ID")]
    [InlineData("passport no. 912345678", "912345678", "OTHER_ID")]
    [InlineData("MRN: 12-345-678", "12-345-678", "MRN")]
    [InlineData("chart # A-99812-3", "A-99812-3", "MRN")]
    [InlineData("results for MRN-00123456 are in", "MRN-00123456", "MRN")]
    [InlineData("see ID-4482-AX today", "ID-4482-AX", "OTHER_ID")]
    public void Finds_the_value_after_a_label_with_the_labels_entity_type(string text, string value, string entityType)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(entityType, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal("LabelledIdentifierRecognizer", finding.Detector);
        Assert.Equal(text.IndexOf(value, StringComparison.Ordinal), finding.Start);
        Assert.Equal(value.Length, finding.Length);
        Assert.True(finding.Score >= 0.5, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Member ID: XJH123456789", 0.85)]
    [InlineData("my member id is XJH123456789", 0.8)]
    [InlineData("Policy XJH123456789", 0.75)]
    [InlineData("Group #: 4521", 0.8)]
    [InlineData("ID: 4482-AX-19", 0.55)]
    [InlineData("ID # 4482-AX-19", 0.65)]
    public void Scores_by_label_marker_filler_and_value_shape(string text, double score)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(score, finding.Score);
    }

    [Fact]
    public void Longest_label_wins_where_labels_overlap()
    {
        var plate = Assert.Single(_recognizer.FindIn("license plate: 7ABC123"));
        var license = Assert.Single(_recognizer.FindIn("license: 7ABC123"));

        Assert.Equal(EntityTypes.Vehicle, plate.EntityType);
        Assert.Equal(EntityTypes.License, license.EntityType);
        Assert.Equal("identifier value after the label 'license plate', shaped like an identifier", plate.Explanation);
    }

    [Fact]
    public void Reports_each_value_of_a_list_after_one_label()
    {
        const string text = "Claims #: 55123, 55124 and 55125; paid.";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(["55123", "55124", "55125"], findings.Select(f => f.Covered(text)));
        Assert.All(findings, f => Assert.Equal(EntityTypes.Account, f.EntityType));
        Assert.EndsWith("in a list after the label", findings[2].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_every_labelled_value_of_an_insurance_card()
    {
        const string text = "Member ID: XJH123456789  Group: 00412  Rx BIN 610014\nSubscriber: Jane Doe";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(["XJH123456789", "00412"], findings.Select(f => f.Covered(text)));
    }

    [Fact]
    public void Leaves_a_value_to_the_label_right_before_it()
    {
        const string text = "Medicare MBI 1EG4-TE5-MK73; NPI 1234567893, DEA AB1234563";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(["1EG4-TE5-MK73", "1234567893", "AB1234563"], findings.Select(f => f.Covered(text)));
        Assert.Equal(
            ["identifier value after the label 'mbi'", "identifier value after the label 'npi'", "identifier value after the label 'dea'"],
            findings.Select(f => f.Explanation));
    }

    [Fact]
    public void Finds_value_on_the_next_line_of_a_form()
    {
        const string text = "Member ID\nXJH123456789";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal((10, 12), (finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("Policy 2024 update")]
    [InlineData("Plan: 500mg twice daily")]
    [InlineData("serial troponins 0.04, 0.05")]
    [InlineData("serial 12-lead ECGs")]
    [InlineData("Case 2 of 3")]
    [InlineData("visit 12/03/2024")]
    [InlineData("ID: 01/02/2020")]
    [InlineData("ID: jane123@example.com")]
    [InlineData("ID verified with photo")]
    [InlineData("Member ID: pending")]
    [InlineData("glucose 110 mg/dL 2 hours after")]
    [InlineData("Mr. Smith 12345 Main St")]
    [InlineData("medicaid eligible since 2019")]
    [InlineData("group 3 patients")]
    [InlineData("faceprint")]
    [InlineData("Ref: 3.5")]
    [InlineData("account of the visit")]
    [InlineData("idea 12345")]
    [InlineData("did 12345 steps")]
    [InlineData("ID:\n\n12345678")]
    [InlineData("Patient is G2P1011 at 32 weeks")]
    [InlineData("Lot number on vaccine: EK5730")]
    [InlineData("Patient SSN 536-22-1843, call (415) 555-0132")]
    [InlineData("ID: 12:30")]
    [InlineData("")]
    public void Ignores_labels_without_an_identifier_value(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("Member ID: XJH123456789")]
    [InlineData("DL: D1234567")]
    [InlineData("fingerprint id FP-00912")]
    public void Explanation_never_contains_the_value(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.DoesNotContain(finding.Covered(text), finding.Explanation, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Scans_100_kb_adversarial_input_quickly(int shape)
    {
        var text = shape switch
        {
            0 => "ID: " + string.Concat(Enumerable.Repeat("ab1", 34_000)),
            1 => string.Concat(Enumerable.Repeat("id id # number no ", 6_000)),
            2 => "Member ID " + string.Concat(Enumerable.Repeat("A12 ", 25_000)),
            _ => "claims # 12345" + string.Concat(Enumerable.Repeat(", 1", 34_000)),
        };

        Assert.NotNull(_recognizer.FindIn(text));
    }
}
