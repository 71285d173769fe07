using Caduceus.Detection.Phi.Licenses;
using Caduceus.Detection.Tests.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Licenses;

[Collection(SequentialScans.Name)]
public sealed class NpiRecognizerTests
{
    private readonly NpiRecognizer _recognizer = new();

    [Theory]
    [InlineData("NPI: 1234567893", 5, 0.9)]
    [InlineData("npi#1245319599", 4, 0.9)]
    [InlineData("The prescriber's national provider number is 1234567893", 45, 0.75)]
    [InlineData("Dr. Lee 1234567893", 8, 0.4)]
    public void Finds_npi_scoring_high_with_context_and_low_without(string text, int start, double score)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.License, finding.EntityType);
        Assert.Equal((start, 10), (finding.Start, finding.Length));
        Assert.Equal(score, finding.Score);
    }

    [Theory]
    [InlineData("NPI: 1234567890")]
    [InlineData("NPI: 3234567893")]
    [InlineData("NPI: 12345678931")]
    [InlineData("NPI: 123456789")]
    [InlineData("+1234567893")]
    [InlineData("3.1234567893")]
    public void Ignores_bad_check_digit_prefix_length_or_boundaries(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Explanation_names_the_rule_not_the_value()
    {
        var finding = Assert.Single(_recognizer.FindIn("NPI 1234567893"));

        Assert.Equal("NPI pattern of ten digits, valid NPI check digit, context word 'npi' immediately before", finding.Explanation);
    }

    [Fact]
    public void Scans_100_kb_adversarial_input_quickly()
    {
        Assert.Empty(_recognizer.FindIn(new string('1', 100_000)));
    }
}
