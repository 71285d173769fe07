using Caduceus.Detection.Phi;

namespace Caduceus.Detection.Tests.Phi;

public sealed class PhoneRecognizerTests
{
    private readonly PhoneRecognizer _recognizer = new();

    [Theory]
    [InlineData("(555) 234-5678")]
    [InlineData("(555)234-5678")]
    [InlineData("555-234-5678")]
    [InlineData("555.234.5678")]
    [InlineData("555 234 5678")]
    [InlineData("+1 555 234 5678")]
    [InlineData("+1-555-234-5678")]
    [InlineData("+1 (555) 234-5678")]
    [InlineData("1-555-234-5678")]
    [InlineData("+15552345678")]
    [InlineData("555-234-5678 ext. 89")]
    [InlineData("555-234-5678 x123")]
    [InlineData("(555) 234-5678 extension 4")]
    public void Finds_nanp_phone_number_forms(string phone)
    {
        var text = $"The clinic is at {phone}, open today.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Phone, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal("PhoneRecognizer", finding.Detector);
        Assert.Equal(17, finding.Start);
        Assert.Equal(phone.Length, finding.Length);
        Assert.True(finding.Score >= 0.6, $"score {finding.Score}");
    }

    [Fact]
    public void Finds_phone_at_start_and_end_of_text()
    {
        const string text = "555-234-5678 or 555-987-6543";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(2, findings.Count);
        Assert.Equal((0, 12), (findings[0].Start, findings[0].Length));
        Assert.Equal((16, 12), (findings[1].Start, findings[1].Length));
    }

    [Theory]
    [InlineData("Please call 5552345678 tomorrow", 12, 10)]
    [InlineData("cell: 5552345678", 6, 10)]
    [InlineData("Fax 5552345678", 4, 10)]
    [InlineData("You can reach me at 5552345678.", 20, 10)]
    [InlineData("mobile 15552345678", 7, 11)]
    [InlineData("Tel. 5552345678", 5, 10)]
    public void Finds_bare_ten_digits_after_context_word(string text, int start, int length)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal((start, length), (finding.Start, finding.Length));
        Assert.Contains("context word", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Invoice 5552345678 was paid")]
    [InlineData("5552345678")]
    [InlineData("Call the desk. The unrelated invoice reference we mailed you is 5552345678")]
    public void Ignores_bare_ten_digits_without_context_word_nearby(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("(155) 234-5678")]
    [InlineData("055-234-5678")]
    [InlineData("911-555-1234")]
    [InlineData("phone 1234567890")]
    [InlineData("+1 155 234 5678")]
    public void Ignores_area_code_starting_with_0_or_1_and_n11_area_codes(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("at 555-023-4567", 3, 12, 0.47)]
    [InlineData("at (555) 123-4567", 3, 14, 0.47)]
    [InlineData("at +1 555 123 4567", 3, 15, 0.47)]
    [InlineData("Phone: 555-123-4567", 7, 12, 0.72)]
    [InlineData("call me on 555-123-4567", 11, 12, 0.72)]
    [InlineData("phone 5551234567", 6, 10, 0.61)]
    [InlineData("call me later, 5551234567", 15, 10, 0.5)]
    public void Reports_exchange_starting_with_0_or_1_below_threshold_without_context_and_above_with_it(
        string text, int start, int length, double score)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Phone, finding.EntityType);
        Assert.Equal((start, length), (finding.Start, finding.Length));
        Assert.Equal(score, finding.Score);
        Assert.Contains("exchange starts with 0 or 1", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SSN 123-45-6789")]
    [InlineData("SSN 123 45 6789")]
    [InlineData("Seen 2024-01-15, next 2024-02-15")]
    [InlineData("Visit on 01/15/2024 at 10:30")]
    [InlineData("Order 98765552345678 shipped")]
    [InlineData("Order A555-234-5678 shipped")]
    [InlineData("Code 555-234-56789")]
    [InlineData("Code 12-555-234-5678")]
    [InlineData("Card 4111 555 234 5678")]
    [InlineData("Version 2.555.234.5678")]
    [InlineData("Amount 555-234-5678.50")]
    [InlineData("call me, no digits")]
    [InlineData("")]
    public void Ignores_ssns_dates_and_long_ids(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Context_word_raises_the_score()
    {
        var plain = Assert.Single(_recognizer.FindIn("at 555-234-5678"));
        var labelled = Assert.Single(_recognizer.FindIn("Phone: 555-234-5678"));

        Assert.Equal(0.65, plain.Score);
        Assert.Equal(1.0, labelled.Score);
        Assert.Equal(
            "phone pattern with separators, valid NANP area code and exchange, context word 'phone' immediately before",
            labelled.Explanation);
    }

    [Theory]
    [InlineData("Phone: (555) 234-5678")]
    [InlineData("call me at 5552345678")]
    [InlineData("+15552345678 ext 12")]
    public void Explanation_never_contains_the_value(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.DoesNotContain(finding.Covered(text), finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fax: 555-234-5678", 5)]
    [InlineData("fax # (555) 234-5678", 6)]
    [InlineData("F: 555.234.5678", 3)]
    [InlineData("Facsimile 555 234 5678", 10)]
    [InlineData("Telefax +1 555 234 5678", 8)]
    [InlineData("Please fax the records to 555-234-5678", 26)]
    [InlineData("fax number 5552345678", 11)]
    public void Reports_number_after_fax_word_as_fax_not_phone(string text, int start)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Fax, finding.EntityType);
        Assert.Equal(start, finding.Start);
        Assert.Equal(text.Length - start, finding.Length);
        Assert.True(finding.Score >= 0.85, $"score {finding.Score}");
    }

    [Fact]
    public void Tells_phone_and_fax_apart_by_the_closest_context_word()
    {
        const string text = "Phone: (555) 234-5678  Fax: (555) 234-9999  Cell: 555-876-5432";

        var findings = _recognizer.FindIn(text);

        Assert.Equal(
            [(EntityTypes.Phone, 7, 14), (EntityTypes.Fax, 28, 14), (EntityTypes.Phone, 50, 12)],
            findings.Select(f => (f.EntityType, f.Start, f.Length)));
    }

    [Theory]
    [InlineData("Office 555-234-5678 (fax)")]
    [InlineData("Office 555-234-5678 [F]")]
    [InlineData("Office 555-234-5678(Fax)")]
    public void Reports_number_labelled_fax_in_brackets_after_it_as_fax(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Fax, finding.EntityType);
        Assert.Equal((7, 12), (finding.Start, finding.Length));
        Assert.EndsWith("labelled fax after the number", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ref: 555-234-5678", 5)]
    [InlineData("I faxed it; call me at 555-234-5678", 23)]
    [InlineData("Phone 555-234-5678 fax 555-234-9999", 6)]
    [InlineData("Phone 555-234-5678 (office)", 6)]
    public void Does_not_turn_phone_into_fax_on_fax_lookalikes_or_fax_after_the_number(string text, int start)
    {
        var finding = _recognizer.FindIn(text)[0];

        Assert.Equal(EntityTypes.Phone, finding.EntityType);
        Assert.Equal((start, 12), (finding.Start, finding.Length));
    }
}
