using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Identifiers;

[Collection(SequentialScans.Name)]
public sealed class AlphanumericIdRecognizerTests
{
    private readonly AlphanumericIdRecognizer _recognizer = new();

    [Theory]
    [InlineData("XJH123456789")]
    [InlineData("4482-AX-19")]
    [InlineData("AB12C345")]
    [InlineData("A1234567")]
    [InlineData("rs1234567")]
    [InlineData("123e4567-e89b-12d3-a456-426614174000")]
    public void Reports_mixed_letter_digit_tokens_with_a_low_score(string token)
    {
        var text = $"Please look up {token}, thanks";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.OtherId, finding.EntityType);
        Assert.Equal((15, token.Length), (finding.Start, finding.Length));
        Assert.Equal(0.35, finding.Score);
    }

    [Theory]
    [InlineData("Metformin 500mg BID and 2x500mg at night")]
    [InlineData("Seen 15Jan2024 at 1030am, 3rd visit, 120mmHg")]
    [InlineData("COVID-19, HbA1c 7.2, BRCA1, T2DM, L4-L5, SpO2 98%")]
    [InlineData("G3P2012 at 39w")]
    [InlineData("E11.65 and Z79.4")]
    [InlineData("see https://example.org/a1b2c3d4 or x_ab12345")]
    [InlineData("mail ab12345@example.org")]
    [InlineData("version v2.1.0-ab123")]
    [InlineData("12345678")]
    [InlineData("")]
    public void Ignores_quantities_dates_codes_urls_and_plain_numbers(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Finds_every_token_in_a_text()
    {
        const string text = "Tickets AB12C345 and XJH123456789.";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(["AB12C345", "XJH123456789"], findings.Select(f => f.Covered(text)));
    }

    [Fact]
    public void Scans_100_kb_adversarial_input_quickly()
    {
        Assert.Empty(_recognizer.FindIn(string.Concat(Enumerable.Repeat("ab1", 34_000))));
        Assert.Empty(_recognizer.FindIn(string.Concat(Enumerable.Repeat("a1-", 34_000))));
        Assert.Equal(10_000, _recognizer.FindIn(string.Concat(Enumerable.Repeat("AB12C345 ", 10_000))).Count);
    }
}
