using Caduceus.Detection.Phi.HealthPlans;

namespace Caduceus.Detection.Tests.Phi.HealthPlans;

public sealed class HicnRecognizerTests
{
    private readonly HicnRecognizer _recognizer = new();

    [Theory]
    [InlineData("Medicare #: 219-09-1234A", 12, 12)]
    [InlineData("HICN 219091234B1", 5, 11)]
    [InlineData("old Medicare claim number is 219-09-1234-C2", 29, 14)]
    public void Finds_hicn_after_context_word(string text, int start, int length)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.HealthPlanId, finding.EntityType);
        Assert.Equal((start, length), (finding.Start, finding.Length));
        Assert.True(finding.Score >= 0.85, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Lot 219-09-1234A")]
    [InlineData("Medicare: 000-09-1234A")]
    [InlineData("Medicare: 219-00-1234A")]
    [InlineData("Medicare: 219-09-1234")]
    [InlineData("Medicare: 219-09-1234ABC")]
    public void Ignores_hicn_shapes_without_context_or_with_invalid_ssn(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }
}
