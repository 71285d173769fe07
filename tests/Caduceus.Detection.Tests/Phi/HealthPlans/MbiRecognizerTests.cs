using Caduceus.Detection.Phi.HealthPlans;
using Caduceus.Detection.Tests.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.HealthPlans;

[Collection(SequentialScans.Name)]
public sealed class MbiRecognizerTests
{
    private readonly MbiRecognizer _recognizer = new();

    [Theory]
    [InlineData("1EG4-TE5-MK73")]
    [InlineData("1EG4TE5MK73")]
    [InlineData("1eg4te5mk73")]
    [InlineData("9AA0-A00-AA00")]
    [InlineData("1EG4 TE5 MK73")]
    public void Finds_mbi_in_the_cms_format(string mbi)
    {
        var text = $"Card shows {mbi}.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.HealthPlanId, finding.EntityType);
        Assert.Equal((11, mbi.Length), (finding.Start, finding.Length));
        Assert.Equal(0.8, finding.Score);
    }

    [Fact]
    public void Context_word_raises_the_score()
    {
        var finding = Assert.Single(_recognizer.FindIn("Medicare ID: 1EG4-TE5-MK73"));

        Assert.Equal((13, 13), (finding.Start, finding.Length));
        Assert.Equal(1.0, finding.Score);
        Assert.Equal("Medicare MBI pattern, context word 'medicare id' immediately before", finding.Explanation);
    }

    [Theory]
    [InlineData("0EG4TE5MK73")]
    [InlineData("1SG4TE5MK73")]
    [InlineData("1LG4TE5MK73")]
    [InlineData("1OG4TE5MK73")]
    [InlineData("1IG4TE5MK73")]
    [InlineData("1BG4TE5MK73")]
    [InlineData("1ZG4TE5MK73")]
    [InlineData("1EGATE5MK73")]
    [InlineData("1EG45E5MK73")]
    [InlineData("1EG4TE5M173")]
    [InlineData("1EG4TE5MK7")]
    [InlineData("1EG4TE5MK734")]
    [InlineData("X1EG4TE5MK73")]
    public void Ignores_tokens_outside_the_cms_format(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Scans_100_kb_adversarial_input_quickly()
    {
        Assert.Empty(_recognizer.FindIn(string.Concat(Enumerable.Repeat("1EG4-TE5-", 11_000))));
    }
}
