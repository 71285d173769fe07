using Caduceus.Detection.Phi.Names;

namespace Caduceus.Detection.Tests.Phi.Names;

/// <summary>Hard negatives: capitalized words that are not people's names.</summary>
[Collection(nameof(NameTestGroup))]
public sealed class NameRecognizerNegativeTests
{
    private readonly NameRecognizer _recognizer = new();

    // Reported findings below the policy's default threshold (0.5) do not redact anything.
    private List<Finding> Reported(string text) => _recognizer.FindIn(text).Where(f => f.Score >= 0.5).ToList();

    [Theory]
    [InlineData("History of Parkinson disease.")]
    [InlineData("Bell's palsy on the left.")]
    [InlineData("She has Alzheimer's.")]
    [InlineData("Known Hodgkin lymphoma.")]
    [InlineData("Crohn's disease flare.")]
    [InlineData("Graves' disease, on methimazole.")]
    [InlineData("Cushing syndrome ruled out.")]
    [InlineData("Addison's disease.")]
    [InlineData("Child with Down syndrome.")]
    [InlineData("Tourette syndrome since age 8.")]
    [InlineData("Apgar score 8 and 9.")]
    [InlineData("Babinski sign negative.")]
    [InlineData("Foley catheter placed.")]
    [InlineData("Epley maneuver performed.")]
    [InlineData("Whipple procedure in 2019.")]
    [InlineData("Hashimoto thyroiditis.")]
    [InlineData("Guillain-Barré syndrome.")]
    [InlineData("Kaposi sarcoma lesions.")]
    [InlineData("Wilms tumor, resected.")]
    [InlineData("Raynaud phenomenon.")]
    [InlineData("Sjögren syndrome.")]
    [InlineData("Tay-Sachs carrier.")]
    [InlineData("Huntington's disease in the family.")]
    [InlineData("Lou Gehrig's disease.")]
    [InlineData("Asperger syndrome.")]
    [InlineData("Wilson's disease.")]
    [InlineData("Stevens-Johnson syndrome.")]
    [InlineData("Non-Hodgkin lymphoma.")]
    [InlineData("Positive Murphy's sign.")]
    [InlineData("Wells score of 4.")]
    [InlineData("Removed the Foley yesterday.")]
    public void Ignores_medical_eponyms(string text)
    {
        Assert.Empty(Reported(text));
    }

    [Theory]
    [InlineData("May need to increase the dose.")]
    [InlineData("Will follow up in 2 weeks.")]
    [InlineData("Grace period applies.")]
    [InlineData("Hope this helps.")]
    [InlineData("Faith in the treatment.")]
    [InlineData("Bill the insurance.")]
    [InlineData("Mark the site before surgery.")]
    [InlineData("Rose from the chair without help.")]
    [InlineData("Art therapy was offered.")]
    [InlineData("Can you help me write a letter?")]
    [InlineData("Please summarize this note for me.")]
    public void Ignores_common_words_that_are_names_at_the_start_of_a_sentence(string text)
    {
        Assert.Empty(Reported(text));
    }

    [Theory]
    [InlineData("Follow up on Monday.")]
    [InlineData("Seen in June.")]
    [InlineData("Since May 5 she has improved.")]
    [InlineData("Return in August for a recheck.")]
    [InlineData("Merry Christmas and Happy Easter.")]
    public void Ignores_days_months_and_holidays(string text)
    {
        Assert.Empty(Reported(text));
    }

    [Theory]
    [InlineData("Seen at Grace Hospital.")]
    [InlineData("Referred to Mayo Clinic.")]
    [InlineData("Transferred to Johns Hopkins Medical Center.")]
    [InlineData("Admitted to St. Mary's Hospital.")]
    [InlineData("Follow up at the Heart Center.")]
    [InlineData("University of Washington Medical Center.")]
    [InlineData("Fax from Kaiser Permanente.")]
    public void Ignores_organizations(string text)
    {
        Assert.Empty(Reported(text));
    }

    [Theory]
    [InlineData("She lives in Austin.")]
    [InlineData("Moved from Georgia last year.")]
    [InlineData("Born in Jordan.")]
    [InlineData("Jackson, MS is where she grew up.")]
    [InlineData("Trip to New York and San Antonio.")]
    [InlineData("Lives on Washington Street.")]
    [InlineData("Clinic on Martin Luther King Blvd.")]
    [InlineData("I live at 12 Lincoln Ave in Madison.")]
    public void Ignores_places_used_as_places(string text)
    {
        Assert.Empty(Reported(text));
    }

    [Theory]
    [InlineData("Started Lisinopril 10 mg daily.")]
    [InlineData("Takes Tylenol and Allegra as needed.")]
    [InlineData("Continue Eliquis, Lasix and Metformin.")]
    [InlineData("Switched from Zoloft to Lexapro.")]
    public void Ignores_drug_names(string text)
    {
        Assert.Empty(Reported(text));
    }

    [Theory]
    [InlineData("Assessment and Plan: Continue Metformin. Follow Up With Primary Care.")]
    [InlineData("Chief Complaint: Chest Pain. History Of Present Illness: 45 yo male.")]
    [InlineData("Discharge Summary. Hospital Course: uneventful. Disposition: home.")]
    [InlineData("Patient reports pain. Denies fever. Tolerating diet.")]
    [InlineData("Consulted Cardiology and Neurology.")]
    [InlineData("Plan: MRI brain, EEG, Neurology consult. Return to ED if worse.")]
    [InlineData("The ED physician consulted CARDIOLOGY.")]
    [InlineData("The patient is a 67-year-old woman with COPD, CHF and HTN.")]
    [InlineData("BP 120/80, HR 72. Labs: WBC 12, Hgb 10.")]
    [InlineData("He speaks English and Spanish.")]
    [InlineData("Hispanic female, Catholic, prefers Spanish.")]
    [InlineData("Positive for S. Aureus and E. coli.")]
    [InlineData("I am feeling better today.")]
    [InlineData("Neck: Supple, No JVD. Skin: Warm and Dry.")]
    [InlineData("Vital Signs: Temp 98.6, Pulse 88, Resp 16.")]
    [InlineData("Lives with wife in Springfield.")]
    [InlineData("Sent via Medic 5 to Urgent Care.")]
    public void Ignores_clinical_vocabulary_headings_and_descriptions(string text)
    {
        Assert.Empty(Reported(text));
    }

    [Theory]
    [InlineData("Write to jane.smith@example.com today.")]
    [InlineData("See https://example.com/Maria/Lopez for details.")]
    [InlineData("Code B12 and Maria2 are identifiers.")]
    public void Ignores_words_inside_addresses_and_codes(string text)
    {
        Assert.DoesNotContain(_recognizer.FindIn(text), f => f.Covered(text).Contains("Maria", StringComparison.Ordinal) || f.Covered(text).Contains("smith", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_title_overrides_the_eponym_list()
    {
        const string text = "Mr. Parkinson came with Mrs. Foley.";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(["Parkinson", "Foley"], findings.Select(f => f.Covered(text)));
    }

    [Theory]
    [InlineData("Posso mudar minha consulta de ter\u00E7a para quinta-feira?")]
    [InlineData("\u00BFHay una farmacia dentro del hospital?")]
    [InlineData("Quero cancelar minha consulta de amanh\u00E3 porque me sinto melhor.")]
    [InlineData("\u00BFMe puede decir c\u00F3mo prepararme para la colonoscopia?")]
    public void Ignores_a_gazetteer_word_opening_a_sentence_in_another_language(string text) =>
        Assert.Empty(Reported(text));

    [Fact]
    public void Still_finds_a_gazetteer_name_opening_an_english_sentence()
    {
        var found = Reported("Hayes called about her refill.");

        Assert.Contains(found, f => f.Start == 0);
    }
}
