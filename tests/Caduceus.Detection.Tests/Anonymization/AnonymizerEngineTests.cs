using Caduceus.Detection.Anonymization;
using static Caduceus.Detection.Tests.Anonymization.TestKeys;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class AnonymizerEngineTests
{
    private static readonly AnonymizerEngine PerType = new(
        RedactOperator.Instance,
        new Dictionary<string, IAnonymizationOperator>
        {
            [EntityTypes.Ssn] = new MaskOperator(),
            [EntityTypes.Name] = PseudonymizeOperator.Instance,
        });

    [Fact]
    public void Applies_the_operator_chosen_for_each_entity_type()
    {
        const string text = "Jane Roe, SSN 536-22-1843, mail jane@example.com";

        var result = PerType.Anonymize(text, [PhiAt(text, "Jane Roe", EntityTypes.Name), PhiAt(text, "536-22-1843", EntityTypes.Ssn), PhiAt(text, "jane@example.com", EntityTypes.Email)]);

        Assert.Equal("<NAME_1>, SSN ***-**-1843, mail [EMAIL]", result.Text);
    }

    [Fact]
    public void Reports_each_replacement_with_original_and_output_spans()
    {
        const string text = "Jane Roe, SSN 536-22-1843, mail jane@example.com";

        var result = PerType.Anonymize(text, [PhiAt(text, "jane@example.com", EntityTypes.Email), PhiAt(text, "Jane Roe", EntityTypes.Name), PhiAt(text, "536-22-1843", EntityTypes.Ssn)]);

        Assert.Equal(
            [
                new AnonymizedSpan(EntityTypes.Name, "pseudonymize", 0, 8, 0, 8),
                new AnonymizedSpan(EntityTypes.Ssn, "mask", 14, 11, 14, 11),
                new AnonymizedSpan(EntityTypes.Email, "redact", 32, 16, 32, 7),
            ],
            result.Spans);
        Assert.Equal(["<NAME_1>", "***-**-1843", "[EMAIL]"], result.Spans.Select(s => result.Text.Substring(s.OutputStart, s.OutputLength)));
    }

    [Fact]
    public void Replaces_overlapping_findings_as_one_stretch_of_the_higher_score()
    {
        const string text = "id 5551234567 end";

        var result = PerType.Anonymize(text, [Found(EntityTypes.Mrn, 3, 10, 0.75), Found(EntityTypes.Ssn, 5, 10, 0.85)]);

        Assert.Equal("id *******567 end", result.Text);
        var span = Assert.Single(result.Spans);
        Assert.Equal((EntityTypes.Ssn, 3, 12), (span.EntityType, span.Start, span.Length));
    }

    [Fact]
    public void A_contained_finding_loses_to_the_longer_one_of_equal_score()
    {
        const string text = "x MRN-00123456 y";

        var result = PerType.Anonymize(text, [Found(EntityTypes.Ssn, 6, 8, 0.9), Found(EntityTypes.Mrn, 2, 12, 0.9)]);

        Assert.Equal("x [MRN] y", result.Text);
    }

    [Fact]
    public void Leaves_text_without_findings_untouched()
    {
        const string text = "nothing to hide";
        var injection = new Finding(EntityTypes.PromptInjection, FindingCategory.Injection, 0, 0, 0.9, "test", "signals: test");

        var result = PerType.Anonymize(text, [injection]);

        Assert.Same(text, result.Text);
        Assert.Empty(result.Spans);
    }

    [Fact]
    public void Uses_one_scope_for_several_texts()
    {
        var scope = new AnonymizationScope("conversation-1");
        const string first = "Jane Roe called";
        const string second = "John Doe and Jane Roe";

        var a = PerType.Anonymize(first, [PhiAt(first, "Jane Roe", EntityTypes.Name)], scope);
        var b = PerType.Anonymize(second, [PhiAt(second, "John Doe", EntityTypes.Name), PhiAt(second, "Jane Roe", EntityTypes.Name)], scope);

        Assert.Equal("<NAME_1> called", a.Text);
        Assert.Equal("<NAME_2> and <NAME_1>", b.Text);
    }

    [Fact]
    public void Round_trips_through_pseudonymize_and_restore()
    {
        const string text = "Pt Jane Roe (SSN 536-22-1843) saw Dr. John Doe; Jane Roe to return.";
        var engine = new AnonymizerEngine(PseudonymizeOperator.Instance);
        var scope = new AnonymizationScope("c");
        var findings = new[]
        {
            PhiAt(text, "Jane Roe", EntityTypes.Name), PhiAt(text, "536-22-1843", EntityTypes.Ssn), PhiAt(text, "John Doe", EntityTypes.Name),
            Found(EntityTypes.Name, text.LastIndexOf("Jane Roe", StringComparison.Ordinal), 8),
        };

        var pseudonymized = engine.Anonymize(text, findings, scope).Text;

        Assert.Equal("Pt <NAME_1> (SSN <SSN_1>) saw Dr. <NAME_2>; <NAME_1> to return.", pseudonymized);
        Assert.Equal(text, PseudonymRestorer.Restore(pseudonymized, scope.Pseudonyms));
    }

    [Fact]
    public void Rejects_spans_outside_the_text_without_showing_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => PerType.Anonymize("12345", [Found(EntityTypes.Ssn, 3, 5)]));

        Assert.Equal("findings", exception.ParamName);
        Assert.DoesNotContain("12345", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => new AnonymizerEngine(null!));
        Assert.Throws<ArgumentException>(() => new AnonymizerEngine(RedactOperator.Instance, new Dictionary<string, IAnonymizationOperator> { ["SSN"] = null! }));
        Assert.Throws<ArgumentNullException>(() => PerType.Anonymize(null!, []));
        Assert.Throws<ArgumentNullException>(() => PerType.Anonymize("text", null!));
    }

    [Fact]
    public void Falls_back_to_the_default_operator()
    {
        Assert.Same(RedactOperator.Instance, PerType.OperatorFor(EntityTypes.Phone));
        Assert.IsType<MaskOperator>(PerType.OperatorFor(EntityTypes.Ssn));
    }
}
