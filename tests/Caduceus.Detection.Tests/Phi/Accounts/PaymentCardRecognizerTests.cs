using Caduceus.Detection.Phi.Accounts;
using Caduceus.Detection.Tests.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Accounts;

[Collection(SequentialScans.Name)]
public sealed class PaymentCardRecognizerTests
{
    private readonly PaymentCardRecognizer _recognizer = new();

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("4111111111111111")]
    [InlineData("5555 5555 5555 4444")]
    [InlineData("3782 822463 10005")]
    [InlineData("378282246310005")]
    [InlineData("6011 1111 1111 1117")]
    [InlineData("3530111333300000")]
    [InlineData("30569309025904")]
    public void Finds_luhn_valid_card_numbers_of_known_issuers(string card)
    {
        var text = $"Paid with {card} yesterday.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Account, finding.EntityType);
        Assert.Equal("PaymentCardRecognizer", finding.Detector);
        Assert.Equal((10, card.Length), (finding.Start, finding.Length));
        Assert.True(finding.Score >= 0.65, $"score {finding.Score}");
    }

    [Fact]
    public void Context_word_raises_the_score()
    {
        var plain = Assert.Single(_recognizer.FindIn("on file 4111 1111 1111 1111"));
        var labelled = Assert.Single(_recognizer.FindIn("Visa: 4111 1111 1111 1111"));

        Assert.Equal(0.8, plain.Score);
        Assert.Equal(1.0, labelled.Score);
        Assert.Equal(
            "payment card pattern in groups of four, Luhn-valid, known card issuer range, context word 'visa' immediately before",
            labelled.Explanation);
    }

    [Fact]
    public void Keeps_a_card_followed_by_a_quantity()
    {
        const string text = "card 4111 1111 1111 1111 500 mg";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal((5, 19), (finding.Start, finding.Length));
    }

    [Fact]
    public void Reports_unknown_issuer_only_with_context()
    {
        Assert.Empty(_recognizer.FindIn("ref 1234567812345670"));

        var finding = Assert.Single(_recognizer.FindIn("card number 1234567812345670"));
        Assert.Equal((12, 16), (finding.Start, finding.Length));
        Assert.Contains("unknown issuer", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("0000 0000 0000 0000")]
    [InlineData("4111 1111-1111 1111")]
    [InlineData("41111 1111 1111 111")]
    [InlineData("Order 4111111111111111234567 shipped")]
    [InlineData("Value 3.4111111111111111")]
    [InlineData("ID A4111111111111111")]
    [InlineData("123456789012")]
    [InlineData("Seen 2024-01-15 10:30, BP 120/80, HR 72")]
    public void Ignores_numbers_failing_luhn_shape_or_boundaries(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Explanation_never_contains_the_value()
    {
        const string text = "cc# 4111111111111111";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.DoesNotContain("4111", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Scans_100_kb_adversarial_input_quickly(int shape)
    {
        var text = shape switch
        {
            0 => new string('4', 100_000),
            1 => string.Concat(Enumerable.Repeat("4111 ", 20_000)),
            _ => string.Concat(Enumerable.Repeat("4111-1111 ", 10_000)),
        };

        Assert.Empty(_recognizer.FindIn(text));
    }
}
