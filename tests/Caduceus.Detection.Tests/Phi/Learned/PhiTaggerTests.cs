using Caduceus.Detection.Phi.Learned;

namespace Caduceus.Detection.Tests.Phi.Learned;

/// <summary>
/// The built-in model on hand-written text (none of it from the evaluation data): identifiers the pattern
/// recognizers have no rule for, and the checks that keep a learned label from reporting what its type cannot be.
/// </summary>
[Collection(SequentialScans.Name)]
public sealed class PhiTaggerTests
{
    private static readonly PhiTagger Tagger = new();

    private static List<(string Type, string Text)> Tag(string text)
    {
        var findings = new List<Finding>();
        Tagger.Detect(new DetectionInput(text, TextSource.User), findings);
        Assert.All(findings, f => Assert.InRange(f.Score, 0.5, 0.85));
        return [.. findings.Select(f => (f.EntityType, text[f.Start..f.End]))];
    }

    [Fact]
    public void Finds_a_foreign_street_address_the_us_address_rules_do_not_cover()
    {
        var found = Tag("Please send the new card to Kauppakatu 14 B 7, 40100 Jyväskylä, Finland.");

        Assert.Contains(found, f => f.Type == EntityTypes.Address && f.Text.Contains("Kauppakatu 14", StringComparison.Ordinal));
    }

    [Fact]
    public void Finds_a_phone_number_in_a_european_format_and_covers_all_of_it()
    {
        var found = Tag("You can reach me on 0471 23 45 67 after six.");

        Assert.Contains((EntityTypes.Phone, "0471 23 45 67"), found);
    }

    [Fact]
    public void Finds_a_name_of_unusual_origin_after_a_cue()
    {
        var found = Tag("Hello, this is Oyelaran Adebayo-Whitfield calling about my prescription.");

        Assert.Contains(found, f => f.Type == EntityTypes.Name && f.Text.Contains("Oyelaran", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Vitals: HR 88, RR 16, BP 132/84, SpO2 97% on room air, temp 37.2 C. Pain 4/10.")]
    [InlineData("Continue metformin 1000 mg BID and recheck A1c in 3 months; G2P1 at 28w4d.")]
    [InlineData("She moved here from Illinois in 2019 and works as a teacher.")]
    [InlineData("Cover the topics in short sections with headings. First, what blood sugar is. Second, how metformin works.")]
    [InlineData("remove it")]
    public void Reports_nothing_in_clinical_or_technical_text_without_identifiers(string text) =>
        Assert.Empty(Tag(text));

    [Fact]
    public void Never_reports_an_ipv4_address_as_a_phone_number()
    {
        var found = Tag("The monitor at 10.20.30.40 and the pump at 192.168.100.254 went offline.");

        Assert.DoesNotContain(found, f => f.Type is EntityTypes.Phone or EntityTypes.Fax);
    }
}
