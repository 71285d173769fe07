namespace Caduceus.Detection.Tests;

public sealed class TextAnalyzerStructuredPhiTests
{
    private static IReadOnlyList<Finding> Analyze(string text) =>
        TextAnalyzer.CreateDefault().Analyze(new DetectionInput(text, TextSource.User));

    [Fact]
    public void Default_analyzer_finds_dates_ages_addresses_urls_and_ips()
    {
        const string text =
            "Mr. Doe, a 92 yo, DOB 03/14/1931, lives at 123 Main St, Springfield, IL 62704. "
            + "Portal https://mychart.example.org/p/1 from 203.0.113.7.";

        var findings = Analyze(text);

        Assert.Equal(
            [
                (EntityTypes.Name, "Doe"), (EntityTypes.Age, "92"), (EntityTypes.Date, "03/14/1931"), (EntityTypes.Address, "123 Main St, Springfield, IL 62704"),
                (EntityTypes.Url, "https://mychart.example.org/p/1"), (EntityTypes.Ip, "203.0.113.7"),
            ],
            findings.Select(f => (f.EntityType, f.Covered(text))));
    }

    [Fact]
    public void Default_analyzer_leaves_the_domain_of_an_email_address_to_the_email_recognizer()
    {
        const string text = "mail jane@example.com today";

        var finding = Assert.Single(Analyze(text));

        Assert.Equal(EntityTypes.Email, finding.EntityType);
    }

    [Theory]
    [InlineData("Take 1/2 tab twice daily, BP 120/80, strength 5/5, GCS 15, pain 3/10.")]
    [InlineData("A 45-year-old woman from Illinois, seen in 2019, version 1.2.3.4.5.")]
    [InlineData("Can I move my appointment to Tuesday afternoon? Reading glasses help.")]
    public void Default_analyzer_reports_no_structured_phi_in_clinical_text_without_identifiers(string text)
    {
        Assert.Empty(Analyze(text));
    }
}
