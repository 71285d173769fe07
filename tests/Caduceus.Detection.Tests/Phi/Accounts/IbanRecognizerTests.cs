using Caduceus.Detection.Phi.Accounts;
using Caduceus.Detection.Tests.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Accounts;

[Collection(SequentialScans.Name)]
public sealed class IbanRecognizerTests
{
    private readonly IbanRecognizer _recognizer = new();

    [Theory]
    [InlineData("DE89370400440532013000")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("GB82 WEST 1234 5698 7654 32")]
    [InlineData("FR1420041010050500013M02606")]
    [InlineData("NL91ABNA0417164300")]
    public void Finds_ibans_with_valid_length_and_checksum(string iban)
    {
        var text = $"Transfer to {iban} today";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Account, finding.EntityType);
        Assert.Equal((12, iban.Length), (finding.Start, finding.Length));
        Assert.Equal(1.0, finding.Score);
    }

    [Fact]
    public void Scores_bare_iban_high_without_context()
    {
        var finding = Assert.Single(_recognizer.FindIn("DE89370400440532013000"));

        Assert.Equal(0.85, finding.Score);
        Assert.Equal("IBAN pattern, country length and mod-97 check valid", finding.Explanation);
    }

    [Theory]
    [InlineData("DE89370400440532013001")]
    [InlineData("DE8937040044053201300")]
    [InlineData("GB82 WEST 1234 5698 7654 33")]
    [InlineData("AB12 CDEF GHIJ KLMN")]
    [InlineData("de89370400440532013000x")]
    [InlineData("XDE89370400440532013000")]
    public void Ignores_candidates_failing_checksum_length_or_boundaries(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Scans_100_kb_adversarial_input_quickly()
    {
        Assert.Empty(_recognizer.FindIn("DE89 " + string.Concat(Enumerable.Repeat("ABCD ", 20_000))));
        Assert.Empty(_recognizer.FindIn(string.Concat(Enumerable.Repeat("DE89", 25_000))));
    }
}
