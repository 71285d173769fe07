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
    [InlineData("555-023-4567")]
    [InlineData("(555) 123-4567")]
    [InlineData("+1 555 123 4567")]
    [InlineData("911-555-1234")]
    [InlineData("phone 1234567890")]
    [InlineData("phone 5551234567")]
    [InlineData("+1 155 234 5678")]
    public void Ignores_area_code_or_exchange_starting_with_0_or_1_and_n11_area_codes(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
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
}
