using Caduceus.Detection.Phi.Licenses;
using Caduceus.Detection.Tests.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Licenses;

[Collection(SequentialScans.Name)]
public sealed class DeaRecognizerTests
{
    private readonly DeaRecognizer _recognizer = new();

    [Theory]
    [InlineData("DEA: AB1234563", 5, 1.0)]
    [InlineData("DEA # BJ6125341", 6, 1.0)]
    [InlineData("Signed, FS1234563", 8, 0.6)]
    [InlineData("dea number ab1234563", 11, 1.0)]
    public void Finds_dea_numbers_with_valid_check_digit(string text, int start, double score)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.License, finding.EntityType);
        Assert.Equal((start, 9), (finding.Start, finding.Length));
        Assert.Equal(score, finding.Score);
    }

    [Fact]
    public void Reports_bad_check_digit_only_with_context()
    {
        Assert.Empty(_recognizer.FindIn("Signed, AB1234567"));

        var finding = Assert.Single(_recognizer.FindIn("DEA: AB1234567"));
        Assert.Equal(0.7, finding.Score);
        Assert.Contains("DEA check digit fails", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DEA: ZB1234563")]
    [InlineData("DEA: IB1234563")]
    [InlineData("DEA: AB12345630")]
    [InlineData("DEA: XAB1234563")]
    [InlineData("DEA: A11234563")]
    public void Ignores_unknown_registrant_type_or_wrong_shape(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Scans_100_kb_adversarial_input_quickly()
    {
        Assert.Empty(_recognizer.FindIn(string.Concat(Enumerable.Repeat("AB123456 ", 11_000))));
    }
}
