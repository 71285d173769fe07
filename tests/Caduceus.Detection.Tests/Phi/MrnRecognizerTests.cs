using Caduceus.Detection.Phi;

namespace Caduceus.Detection.Tests.Phi;

public sealed class MrnRecognizerTests
{
    private readonly MrnRecognizer _recognizer = new();

    [Theory]
    [InlineData("MRN: 12345678", "12345678")]
    [InlineData("MRN 123456", "123456")]
    [InlineData("mrn#0012345678", "0012345678")]
    [InlineData("MRN: A1234567", "A1234567")]
    [InlineData("Medical record number 7654321", "7654321")]
    [InlineData("Chart number: 00123456", "00123456")]
    [InlineData("Patient ID: AB-123456", "AB-123456")]
    [InlineData("record # 9876543", "9876543")]
    public void Finds_mrn_labelled_by_context_word(string text, string mrn)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Mrn, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal("MrnRecognizer", finding.Detector);
        Assert.Equal(text.IndexOf(mrn, StringComparison.Ordinal), finding.Start);
        Assert.Equal(mrn.Length, finding.Length);
        Assert.Equal(0.9, finding.Score);
    }

    [Theory]
    [InlineData("MRN-00123456")]
    [InlineData("MRN00123456")]
    [InlineData("mrn-1234567")]
    public void Finds_mrn_with_mrn_prefix_without_other_context(string mrn)
    {
        var text = $"Results for {mrn} are in.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal((12, mrn.Length), (finding.Start, finding.Length));
        Assert.Equal(0.9, finding.Score);
        Assert.Equal("MRN pattern with MRN prefix", finding.Explanation);
    }

    [Fact]
    public void Scores_mrn_immediately_after_the_word_higher_than_nearby()
    {
        var adjacent = Assert.Single(_recognizer.FindIn("MRN: 12345678"));
        var nearby = Assert.Single(_recognizer.FindIn("Her MRN is 12345678"));

        Assert.True(adjacent.Score > nearby.Score);
        Assert.Equal(0.75, nearby.Score);
        Assert.EndsWith("context word 'mrn' nearby", nearby.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Order 12345678 shipped")]
    [InlineData("Reference A1234567")]
    [InlineData("12345678")]
    [InlineData("MRN was mentioned a long time ago in this message; now 12345678")]
    [InlineData("MRN: 12345")]
    [InlineData("MRN: 12345678901")]
    [InlineData("MRN: ABCD1234567")]
    [InlineData("MRN: 1234567-89")]
    [InlineData("MRN: 123456.78")]
    [InlineData("MRNs 12345678")]
    [InlineData("")]
    public void Ignores_digits_without_context_or_outside_the_format(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Finds_every_mrn_after_one_context_word()
    {
        const string text = "MRN 1234567 and 7654321";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(["1234567", "7654321"], findings.Select(f => f.Covered(text)));
    }

    [Theory]
    [InlineData("MRN: 12345678")]
    [InlineData("MRN-00123456")]
    [InlineData("patient id A1234567")]
    public void Explanation_never_contains_the_value(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.DoesNotContain(finding.Covered(text), finding.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1234", finding.Explanation, StringComparison.Ordinal);
    }
}
