using Caduceus.Detection.Anonymization;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class RedactOperatorTests
{
    private static Finding Phi(string type, int start, int length, double score = 0.9) =>
        new(type, FindingCategory.Phi, start, length, score, "test", "test finding");

    [Fact]
    public void Replaces_a_single_span_with_its_label()
    {
        var redacted = RedactOperator.Apply("SSN 123-45-6789 on file", [Phi(EntityTypes.Ssn, 4, 11)]);

        Assert.Equal("SSN [SSN] on file", redacted);
    }

    [Fact]
    public void Replaces_several_spans_in_any_order()
    {
        const string text = "Call 555-123-4567 or mail a@b.org today";

        var redacted = RedactOperator.Apply(text, [Phi(EntityTypes.Email, 26, 7), Phi(EntityTypes.Phone, 5, 12)]);

        Assert.Equal("Call [PHONE] or mail [EMAIL] today", redacted);
    }

    [Fact]
    public void Merges_overlapping_spans_under_the_highest_scoring_type()
    {
        const string text = "id 5551234567 end";

        var redacted = RedactOperator.Apply(
            text,
            [Phi(EntityTypes.Mrn, 3, 10, 0.75), Phi(EntityTypes.Phone, 5, 10, 0.85)]);

        Assert.Equal("id [PHONE]nd", redacted);
    }

    [Fact]
    public void Merges_a_span_contained_in_another()
    {
        var redacted = RedactOperator.Apply(
            "x MRN-00123456 y",
            [Phi(EntityTypes.Mrn, 2, 12, 0.9), Phi(EntityTypes.Phone, 6, 8, 0.5)]);

        Assert.Equal("x [MRN] y", redacted);
    }

    [Fact]
    public void Merges_adjacent_spans_into_one_label()
    {
        var redacted = RedactOperator.Apply(
            "ab123456789cd",
            [Phi(EntityTypes.Ssn, 2, 4, 0.6), Phi(EntityTypes.Phone, 6, 5, 0.9)]);

        Assert.Equal("ab[PHONE]cd", redacted);
    }

    [Fact]
    public void Keeps_the_earlier_type_when_merged_scores_tie()
    {
        var redacted = RedactOperator.Apply("0123456789", [Phi(EntityTypes.Phone, 4, 6), Phi(EntityTypes.Ssn, 0, 5)]);

        Assert.Equal("[SSN]", redacted);
    }

    [Fact]
    public void Redacts_spans_at_start_and_end()
    {
        const string text = "a@b.org wrote to c@d.org";

        var redacted = RedactOperator.Apply(text, [Phi(EntityTypes.Email, 0, 7), Phi(EntityTypes.Email, 17, 7)]);

        Assert.Equal("[EMAIL] wrote to [EMAIL]", redacted);
    }

    [Fact]
    public void Redacts_the_whole_text()
    {
        Assert.Equal("[SSN]", RedactOperator.Apply("123-45-6789", [Phi(EntityTypes.Ssn, 0, 11)]));
    }

    [Fact]
    public void Ignores_zero_length_findings()
    {
        const string text = "nothing to hide";
        var wholeText = new Finding(EntityTypes.PromptInjection, FindingCategory.Injection, 3, 0, 0.9, "test", "signals: test");

        Assert.Same(text, RedactOperator.Apply(text, [wholeText]));
        Assert.Equal("[SSN] to hide", RedactOperator.Apply(text, [wholeText, Phi(EntityTypes.Ssn, 0, 7)]));
    }

    [Fact]
    public void Returns_the_text_unchanged_without_findings()
    {
        const string text = "nothing to hide";

        Assert.Same(text, RedactOperator.Apply(text, []));
        Assert.Equal(string.Empty, RedactOperator.Apply(string.Empty, []));
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(0, 6)]
    [InlineData(5, 1)]
    [InlineData(6, 0)]
    [InlineData(2, -1)]
    [InlineData(int.MaxValue, 1)]
    public void Rejects_spans_outside_the_text(int start, int length)
    {
        var exception = Assert.Throws<ArgumentException>(() => RedactOperator.Apply("12345", [Phi(EntityTypes.Ssn, start, length)]));

        Assert.Equal("findings", exception.ParamName);
        Assert.DoesNotContain("12345", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => RedactOperator.Apply(null!, []));
        Assert.Throws<ArgumentNullException>(() => RedactOperator.Apply("text", null!));
        Assert.Throws<ArgumentException>(() => RedactOperator.Apply("text", [null!]));
    }

    [Fact]
    public void Redacts_what_the_default_analyzer_finds()
    {
        const string text = "Pt SSN 219-09-1234, phone (555) 234-5678, MRN-00123456, jane@example.com.";
        var phi = TextAnalyzer.CreateDefault()
            .Analyze(new DetectionInput(text, TextSource.User))
            .Where(f => f.Category == FindingCategory.Phi)
            .ToList();

        var redacted = RedactOperator.Apply(text, phi);

        Assert.Equal("Pt SSN [SSN], phone [PHONE], [MRN], [EMAIL].", redacted);
    }

    [Fact]
    public void As_an_operator_replaces_any_value_with_its_label()
    {
        Assert.Equal("[SSN]", RedactOperator.Instance.Operate(EntityTypes.Ssn, "123-45-6789", new AnonymizationScope("c")));
        Assert.Equal("redact", RedactOperator.Instance.Name);
    }
}
