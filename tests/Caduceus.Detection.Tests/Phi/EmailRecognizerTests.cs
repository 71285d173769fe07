using Caduceus.Detection.Phi;

namespace Caduceus.Detection.Tests.Phi;

public sealed class EmailRecognizerTests
{
    private readonly EmailRecognizer _recognizer = new();

    [Theory]
    [InlineData("jane.doe@example.com")]
    [InlineData("j.doe+portal@mail.example.co.uk")]
    [InlineData("first_last@sub-domain.example.org")]
    [InlineData("J.DOE@EXAMPLE.COM")]
    [InlineData("a1@x.io")]
    [InlineData("100%done@example.health")]
    public void Finds_email_addresses(string address)
    {
        var text = $"Write to {address} please";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Email, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal("EmailRecognizer", finding.Detector);
        Assert.Equal(9, finding.Start);
        Assert.Equal(address.Length, finding.Length);
    }

    [Theory]
    [InlineData("Email jane@example.com.", 6)]
    [InlineData("<jane@example.com>", 1)]
    [InlineData("(jane@example.com)", 1)]
    [InlineData("mailto:jane@example.com", 7)]
    [InlineData("\"jane@example.com\",", 1)]
    [InlineData("jane@example.com", 0)]
    public void Span_excludes_surrounding_punctuation(string text, int start)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal((start, "jane@example.com".Length), (finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("jane@localhost")]
    [InlineData("jane@example.c")]
    [InlineData("jane@example.c0m")]
    [InlineData("jane@example.com1")]
    [InlineData("jane@example.com@other.org")]
    [InlineData("jane@@example.com")]
    [InlineData("jane.@example")]
    [InlineData("@example.com")]
    [InlineData("jane@-example.com")]
    [InlineData("icon@2x.png")]
    [InlineData("no at sign here")]
    [InlineData("")]
    public void Ignores_text_that_is_not_an_address_or_is_inside_a_longer_token(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Finds_every_address_in_a_text()
    {
        const string text = "cc a@example.com, b@example.org";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(["a@example.com", "b@example.org"], findings.Select(f => f.Covered(text)));
        Assert.All(findings, f => Assert.Equal(0.9, f.Score));
    }

    [Fact]
    public void Context_word_raises_the_score()
    {
        var finding = Assert.Single(_recognizer.FindIn("email: jane@example.com"));

        Assert.Equal(1.0, finding.Score);
        Assert.Equal(
            "email address pattern, domain with alphabetic top-level domain, context word 'email' immediately before",
            finding.Explanation);
    }

    [Theory]
    [InlineData("email: jane@example.com")]
    [InlineData("jane.doe+portal@mail.example.co.uk")]
    public void Explanation_never_contains_the_value(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.DoesNotContain(finding.Covered(text), finding.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example", finding.Explanation, StringComparison.OrdinalIgnoreCase);
    }
}
