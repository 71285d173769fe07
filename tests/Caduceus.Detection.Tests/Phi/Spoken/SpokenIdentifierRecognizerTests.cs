using Caduceus.Detection.Phi.Spoken;
using Caduceus.Detection.Tests.Phi.Identifiers;

namespace Caduceus.Detection.Tests.Phi.Spoken;

[Collection(SequentialScans.Name)]
public sealed class SpokenIdentifierRecognizerTests
{
    private readonly SpokenIdentifierRecognizer _recognizer = new();

    [Theory]
    [InlineData("Caller: sure, it's five five five, two three four, five six seven eight.", "five five five, two three four, five six seven eight", 0.75)]
    [InlineData("my callback number is five five five one two one two", "five five five one two one two", 0.8)]
    [InlineData("call me at eight oh oh, five five five, double two three four", "eight oh oh, five five five, double two three four", 0.9)]
    [InlineData("Phone: one eight hundred five five five one two one two", "one eight hundred five five five one two one two", 0.9)]
    [InlineData("phone is two one two, triple seven, fifty five, twelve", "two one two, triple seven, fifty five, twelve", 0.9)]
    [InlineData("cell is five five five, uh, two three four, um, five six seven eight", "five five five, uh, two three four, um, five six seven eight", 0.9)]
    [InlineData("Agent: What's a good callback number?\nCaller: Five five five, two three four, fifty-six seventy-eight.", "Five five five, two three four, fifty-six seventy-eight", 0.9)]
    public void Finds_phone_numbers_spoken_as_words(string text, string words, double score)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Phone, finding.EntityType);
        Assert.Equal("SpokenIdentifierRecognizer", finding.Detector);
        Assert.Equal(text.IndexOf(words, StringComparison.Ordinal), finding.Start);
        Assert.Equal(words.Length, finding.Length);
        Assert.Equal(score, finding.Score);
    }

    [Theory]
    [InlineData("my social is one two three, four five, six seven eight nine", "one two three, four five, six seven eight nine", "SSN")]
    [InlineData("the last four of my social are six seven eight nine", "six seven eight nine", "SSN")]
    [InlineData("zip code nine oh two one oh", "nine oh two one oh", "ADDRESS")]
    [InlineData("fax number is five five five two three four nine nine nine nine", "five five five two three four nine nine nine nine", "FAX")]
    [InlineData("my MRN is four four five, six seven eight nine", "four four five, six seven eight nine", "MRN")]
    [InlineData("account number: one two three four five six seven eight", "one two three four five six seven eight", "ACCOUNT")]
    [InlineData("my member ID is X J H one two three four five six", "X J H one two three four five six", "HEALTH_PLAN_ID")]
    [InlineData("the confirmation is Sierra Tango four two", "Sierra Tango four two", "OTHER_ID")]
    [InlineData("it is double seven four nine three one", "double seven four nine three one", "OTHER_ID")]
    [InlineData("Agent: Your member ID from the card?\nCaller: X J H, one two three, four five six", "X J H, one two three, four five six", "HEALTH_PLAN_ID")]
    public void Classifies_spoken_digits_by_the_words_before_them(string text, string words, string entityType)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(entityType, finding.EntityType);
        Assert.Equal((text.IndexOf(words, StringComparison.Ordinal), words.Length), (finding.Start, finding.Length));
        Assert.True(finding.Score >= 0.5, $"score {finding.Score}");
    }

    [Fact]
    public void Reports_letters_spelled_after_a_name_as_name()
    {
        const string text = "My last name is Smith, S as in Sam, M as in Mary, I T H.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Name, finding.EntityType);
        Assert.Equal((23, 32), (finding.Start, finding.Length));
        Assert.Equal("S as in Sam, M as in Mary, I T H", finding.Covered(text));
        Assert.Equal(0.85, finding.Score);
        Assert.Equal("5 letters spelled out, context word 'last name' before", finding.Explanation);
    }

    [Theory]
    [InlineData("The code is S as in Sam, M as in Mary, I T H", "S as in Sam, M as in Mary, I T H")]
    [InlineData("that's B for Bravo, Q for Queen, seven seven", "B for Bravo, Q for Queen, seven seven")]
    [InlineData("it's Kilo Lima Mike", "Kilo Lima Mike")]
    [InlineData("spelled A as in apple, double L, E N", "A as in apple, double L, E N")]
    public void Reports_spelled_letters_without_name_context_as_other_id(string text, string words)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.OtherId, finding.EntityType);
        Assert.Equal((text.IndexOf(words, StringComparison.Ordinal), words.Length), (finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("I have one or two questions for you.")]
    [InlineData("Take two tablets three times a day for five days.")]
    [InlineData("Echo showed an EF of fifty five percent.")]
    [InlineData("Oh, I see. One moment please.")]
    [InlineData("She is seventy eight years old, gravida two para one.")]
    [InlineData("BP one twenty over eighty, pulse seventy two.")]
    [InlineData("Born in nineteen eighty four.")]
    [InlineData("Mike said for now we wait; Delta flight at nine.")]
    [InlineData("Plan B for Bob")]
    [InlineData("Alpha and Bravo teams")]
    [InlineData("No one has called; someone will phone at ten.")]
    [InlineData("five5 fivefive five-ish")]
    [InlineData("Rated five out of ten, then four out of ten.")]
    [InlineData("one hundred twenty five milligrams")]
    [InlineData("Count with me: one, two, three, four, five, six, seven, eight, nine, ten.")]
    [InlineData("ten, nine, eight, seven, six, five, four, three, two, one")]
    [InlineData("")]
    public void Ignores_numbers_and_letters_in_ordinary_speech(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Finds_several_spoken_identifiers_in_one_transcript()
    {
        const string text =
            "Agent: Can I get your date of birth and phone?\n" +
            "Caller: Phone is five five five, two three four, five six seven eight. " +
            "And my social is two one nine, zero nine, one two three four.";

        var findings = _recognizer.FindIn(text);

        Assert.Equal([EntityTypes.Phone, EntityTypes.Ssn], findings.Select(f => f.EntityType));
        Assert.Equal(
            ["five five five, two three four, five six seven eight", "two one nine, zero nine, one two three four"],
            findings.Select(f => f.Covered(text)));
    }

    [Theory]
    [InlineData("my callback number is five five five one two one two")]
    [InlineData("My last name is Smith, S as in Sam, M as in Mary, I T H.")]
    public void Explanation_never_contains_the_words_or_digits(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.DoesNotContain("five", finding.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("5551212", finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("SMITH", finding.Explanation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" as in ", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Scans_100_kb_adversarial_input_quickly(int shape)
    {
        var text = shape switch
        {
            0 => string.Concat(Enumerable.Repeat("one ", 25_000)),
            1 => string.Concat(Enumerable.Repeat("S as in ", 12_500)),
            2 => string.Concat(Enumerable.Repeat("A B C D ", 12_500)) + "one two three four",
            _ => string.Concat(Enumerable.Repeat("for ", 25_000)),
        };

        Assert.NotNull(_recognizer.FindIn(text));
    }
}
