using Caduceus.Detection.Phi.Network;

namespace Caduceus.Detection.Tests.Phi.Network;

[Collection(SequentialScans.Name)]
public sealed class UrlRecognizerTests
{
    private readonly UrlRecognizer _recognizer = new();

    [Fact]
    public void Finds_url_with_scheme_and_path()
    {
        const string text = "Log in at https://portal.example.org/patients/12345?tab=labs to see results.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Url, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal(10, finding.Start);
        Assert.Equal("https://portal.example.org/patients/12345?tab=labs", finding.Covered(text));
        Assert.Equal("UrlRecognizer", finding.Detector);
        Assert.Equal(0.85, finding.Score);
        Assert.Equal("URL pattern with scheme", finding.Explanation);
    }

    [Theory]
    [InlineData("See http://janedoe.net.", 4, 18)]
    [InlineData("(https://example.com/a_(b))", 1, 24)]
    [InlineData("HTTPS://EXAMPLE.COM/X, then", 0, 21)]
    [InlineData("dev box http://localhost:8080/api", 8, 25)]
    [InlineData("at http://[2001:db8::1]:443/x", 3, 26)]
    [InlineData("ftp://files.example.edu/scan.pdf!", 0, 32)]
    public void Finds_urls_with_scheme_without_trailing_punctuation(string text, int start, int length)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(start, finding.Start);
        Assert.Equal(length, finding.Length);
    }

    [Theory]
    [InlineData("my blog www.janedoe-recovery.com/posts/1", 8, 32)]
    [InlineData("WWW.Example.Org.", 0, 15)]
    [InlineData("www2.hospital.example/portal", 0, 28)]
    public void Finds_urls_starting_with_www(string text, int start, int length)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(start, finding.Start);
        Assert.Equal(length, finding.Length);
        Assert.StartsWith("URL pattern starting with www", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I posted it on janedoe.com yesterday", 15, 11)]
    [InlineData("facebook.com/jane.doe.5581", 0, 26)]
    [InlineData("see mychart.stmarys.org/login.", 4, 25)]
    [InlineData("our site example.co.uk", 9, 13)]
    public void Finds_bare_domains_with_known_top_level_domain(string text, int start, int length)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(start, finding.Start);
        Assert.Equal(length, finding.Length);
        Assert.StartsWith("URL pattern of a bare domain, known top-level domain", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_word_raises_the_score_of_a_bare_domain()
    {
        var plain = Assert.Single(_recognizer.FindIn("janedoe.com"));
        var labelled = Assert.Single(_recognizer.FindIn("my website: janedoe.com"));

        Assert.Equal(0.55, plain.Score);
        Assert.Equal(1.0, labelled.Score);
        Assert.EndsWith("context word 'website' immediately before", labelled.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mail jane.doe@example.com please")]
    [InlineData("jane@www.example.com")]
    [InlineData("info.com@example")]
    [InlineData("first.last@mychart.org")]
    public void Leaves_email_addresses_to_the_email_recognizer(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("I felt fine.In the morning it hurt.")]
    [InlineData("Pain was bad.It got better.")]
    [InlineData("Took meds.No change.")]
    [InlineData("We use ASP.NET and VB.NET here")]
    [InlineData("file report.pdf and notes.txt")]
    [InlineData("Dr.Smith said e.g. rest")]
    [InlineData("node.js and config.json")]
    [InlineData("q.d. and b.i.d. dosing")]
    [InlineData("")]
    public void Ignores_dotted_words_that_are_not_web_addresses(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("https://portal.example.org/patients/12345")]
    [InlineData("janedoe.com")]
    public void Explanation_never_contains_the_value(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.DoesNotContain("example", finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("janedoe", finding.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string> AdversarialInputs => new()
    {
        "http://a/" + new string('.', 100_000),
        string.Concat(Enumerable.Repeat("http://a/.", 10_000)),
        "http://" + string.Concat(Enumerable.Repeat("a.", 50_000)),
        string.Concat(Enumerable.Repeat("www.", 25_000)),
        string.Concat(Enumerable.Repeat("a.", 50_000)) + "com",
        new string('a', 100_000) + ".com",
        string.Concat(Enumerable.Repeat("a-", 50_000)) + ".com",
        string.Concat(Enumerable.Repeat("x.com@", 17_000)),
    };

    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void Scans_100_kb_adversarial_input_without_timing_out(string text)
    {
        Assert.NotNull(_recognizer.FindIn(text));
    }
}
