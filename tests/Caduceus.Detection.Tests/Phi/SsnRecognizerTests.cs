using Caduceus.Detection.Phi;

namespace Caduceus.Detection.Tests.Phi;

public sealed class SsnRecognizerTests
{
    private readonly SsnRecognizer _recognizer = new();

    [Fact]
    public void Finds_ssn_with_dashes()
    {
        const string text = "Patient 219-09-1234 arrived.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Ssn, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal(8, finding.Start);
        Assert.Equal(11, finding.Length);
        Assert.Equal("SsnRecognizer", finding.Detector);
        Assert.Equal(0.85, finding.Score);
        Assert.Equal("SSN pattern with dashes, valid area/group/serial", finding.Explanation);
    }

    [Fact]
    public void Finds_ssn_with_spaces()
    {
        const string text = "number 123 45 6789 on the form";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(7, finding.Start);
        Assert.Equal(11, finding.Length);
        Assert.Equal(0.6, finding.Score);
    }

    [Fact]
    public void Keeps_commonly_typed_example_123_45_6789()
    {
        var finding = Assert.Single(_recognizer.FindIn("123-45-6789"));

        Assert.Equal(0, finding.Start);
        Assert.Equal(11, finding.Length);
    }

    [Theory]
    [InlineData("SSN: 123456789", 5)]
    [InlineData("ssn#123456789", 4)]
    [InlineData("My social security number is 123456789.", 29)]
    [InlineData("her social is 123456789", 14)]
    public void Finds_bare_nine_digits_after_context_word(string text, int start)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(start, finding.Start);
        Assert.Equal(9, finding.Length);
        Assert.True(finding.Score >= 0.75, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Order 123456789 has shipped")]
    [InlineData("123456789")]
    [InlineData("Socialize more: 123456789")]
    [InlineData("SSN on file. Unrelated tracking code follows after a long digression: 123456789")]
    public void Ignores_bare_nine_digits_without_context_word_nearby(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("000-12-3456")]
    [InlineData("666-12-3456")]
    [InlineData("900-12-3456")]
    [InlineData("999-12-3456")]
    [InlineData("123-00-4567")]
    [InlineData("123-45-0000")]
    [InlineData("SSN 666123456")]
    public void Ignores_numbers_the_ssa_never_issues(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Ignores_ssn_with_area_666()
    {
        Assert.Empty(_recognizer.FindIn("SSN 666-45-6789"));
    }

    [Theory]
    [InlineData("ID123-45-6789")]
    [InlineData("123-45-67890")]
    [InlineData("1123-45-6789")]
    [InlineData("123-45-6789-1")]
    [InlineData("REF-123-45-6789")]
    [InlineData("123-45 6789")]
    [InlineData("12 123 45 6789")]
    [InlineData("SSN 1234567890")]
    [InlineData("SSN 3.123456789")]
    public void Ignores_ssn_shapes_inside_longer_tokens_or_numbers(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("Call (555) 234-5678")]
    [InlineData("Seen on 2024-01-15 at 10:30")]
    [InlineData("No digits here at all")]
    [InlineData("")]
    public void Ignores_phones_dates_and_text_without_ssn(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Context_word_raises_the_score_of_a_dashed_ssn()
    {
        var plain = Assert.Single(_recognizer.FindIn("on file: 219-09-1234"));
        var labelled = Assert.Single(_recognizer.FindIn("SSN: 219-09-1234"));

        Assert.True(labelled.Score > plain.Score);
        Assert.Equal(1.0, labelled.Score);
        Assert.Equal("SSN pattern with dashes, valid area/group/serial, context word 'ssn' immediately before", labelled.Explanation);
    }

    [Fact]
    public void Context_word_a_few_words_away_is_nearby_not_adjacent()
    {
        var finding = Assert.Single(_recognizer.FindIn("social security number on the form is 123456789"));

        Assert.Equal(0.75, finding.Score);
        Assert.EndsWith("context word 'social security' nearby", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("078-05-1120")]
    [InlineData("SSN 219-09-9999")]
    [InlineData("457-55-5462")]
    public void Lowers_score_of_known_advertising_numbers(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.True(finding.Score < 0.5, $"score {finding.Score}");
        Assert.Contains("known advertising number", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_every_ssn_in_a_text()
    {
        const string text = "Mother 219-09-1234, father 321 54 9876.";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(2, findings.Count);
        Assert.Equal("219-09-1234", findings[0].Covered(text));
        Assert.Equal("321 54 9876", findings[1].Covered(text));
    }

    [Theory]
    [InlineData("SSN: 123-45-6789")]
    [InlineData("social security 123 45 6789")]
    [InlineData("ssn 123456789")]
    [InlineData("078-05-1120")]
    public void Explanation_never_contains_the_value(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));
        var value = finding.Covered(text);

        Assert.DoesNotContain(value, finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(value.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(value[^4..], finding.Explanation, StringComparison.Ordinal);
    }
}
