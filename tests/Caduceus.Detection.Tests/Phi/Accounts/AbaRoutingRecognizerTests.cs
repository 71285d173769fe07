using Caduceus.Detection.Phi.Accounts;
using Caduceus.Detection.Tests.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Accounts;

[Collection(SequentialScans.Name)]
public sealed class AbaRoutingRecognizerTests
{
    private readonly AbaRoutingRecognizer _recognizer = new();

    [Theory]
    [InlineData("Routing: 011000015", 9, 1.0)]
    [InlineData("ABA 021000021", 4, 1.0)]
    [InlineData("the bank routing number is 026009593.", 27, 0.85)]
    public void Finds_valid_routing_numbers_after_context_word(string text, int start, double score)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Account, finding.EntityType);
        Assert.Equal((start, 9), (finding.Start, finding.Length));
        Assert.Equal(score, finding.Score);
    }

    [Theory]
    [InlineData("011000015")]
    [InlineData("Invoice 011000015")]
    [InlineData("Routing: 123456789")]
    [InlineData("Routing: 991000017")]
    [InlineData("Routing: 0110000151")]
    public void Ignores_routing_numbers_without_context_or_with_bad_checksum(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Scans_100_kb_adversarial_input_quickly()
    {
        Assert.Empty(_recognizer.FindIn("routing " + string.Concat(Enumerable.Repeat("12345678 ", 11_000))));
    }
}
