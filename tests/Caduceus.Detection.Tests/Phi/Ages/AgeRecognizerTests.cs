using Caduceus.Detection.Phi.Ages;

namespace Caduceus.Detection.Tests.Phi.Ages;

[Collection(SequentialScans.Name)]
public sealed class AgeRecognizerTests
{
    private readonly AgeRecognizer _recognizer = new();

    [Fact]
    public void Finds_the_number_of_a_hyphenated_year_old()
    {
        const string text = "A 92-year-old woman presents with dyspnea.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Age, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal(2, finding.Start);
        Assert.Equal(2, finding.Length);
        Assert.Equal("AgeRecognizer", finding.Detector);
        Assert.Equal(0.85, finding.Score);
        Assert.Equal("age pattern with years old, age over 89", finding.Explanation);
    }

    [Theory]
    [InlineData("92 yo F with CHF", 0, 2)]
    [InlineData("pt is 92 y/o", 6, 2)]
    [InlineData("a 90 year old man", 2, 2)]
    [InlineData("101 years old today", 0, 3)]
    [InlineData("92yo male", 0, 2)]
    [InlineData("96 y.o. female", 0, 2)]
    [InlineData("94-yr-old", 0, 2)]
    [InlineData("She is 97 years of age.", 7, 2)]
    [InlineData("paciente de 93 años", 12, 2)]
    [InlineData("A 91 YEAR OLD", 2, 2)]
    public void Finds_ages_over_89_written_with_years_old(string text, int start, int length)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(start, finding.Start);
        Assert.Equal(length, finding.Length);
    }

    [Theory]
    [InlineData("aged 95", 5)]
    [InlineData("Age: 101", 5)]
    [InlineData("age 92, lives alone", 4)]
    [InlineData("died at the age of 99.", 19)]
    [InlineData("Edad: 93", 6)]
    public void Finds_ages_over_89_after_an_age_label(string text, int start)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(start, finding.Start);
        Assert.InRange(finding.Length, 2, 3);
        Assert.Equal("age pattern after an age label, age over 89", finding.Explanation);
    }

    [Theory]
    [InlineData("92M with CHF exacerbation", 0)]
    [InlineData("Pt is a 94 F presents with fall", 8)]
    [InlineData("HPI: 101F w/ dementia", 5)]
    public void Finds_ages_over_89_written_with_a_sex_letter_before_a_history(string text, int start)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(start, finding.Start);
        Assert.InRange(finding.Length, 2, 3);
        Assert.Equal(0.75, finding.Score);
    }

    [Theory]
    [InlineData("Tmax 101F overnight")]
    [InlineData("T 102 F, HR 110")]
    [InlineData("febrile to 101F with chills")]
    [InlineData("45M with chest pain")]
    public void Ignores_temperatures_and_young_ages_written_with_a_letter(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("a ninety-two year old", "ninety-two")]
    [InlineData("Ninety year old veteran", "Ninety")]
    [InlineData("one hundred and two-year-old", "one hundred and two")]
    [InlineData("tiene noventa y cinco años", "noventa y cinco")]
    public void Finds_spelled_ages_over_89(string text, string expected)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(expected, finding.Covered(text));
        Assert.Equal(text.IndexOf(expected, StringComparison.Ordinal), finding.Start);
    }

    [Theory]
    [InlineData("a healthy nonagenarian", 10, 12)]
    [InlineData("Centenarians in the cohort", 0, 12)]
    [InlineData("a supercentenarian", 2, 16)]
    [InlineData("paciente nonagenaria", 9, 11)]
    public void Finds_words_for_ages_over_89(string text, int start, int length)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(start, finding.Start);
        Assert.Equal(length, finding.Length);
        Assert.Equal(0.8, finding.Score);
    }

    [Theory]
    [InlineData("A 45-year-old man")]
    [InlineData("89 yo female")]
    [InlineData("aged 89")]
    [InlineData("age: 12")]
    [InlineData("de 65 años")]
    [InlineData("a seventy-two year old")]
    [InlineData("a 130-year-old oak tree")]
    public void Ignores_ages_of_89_and_under_and_impossible_ages(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("BP 92/60, HR 95")]
    [InlineData("for 90 years")]
    [InlineData("page 95 of the chart")]
    [InlineData("average 95")]
    [InlineData("gestational age 95 days")]
    [InlineData("age 92% predicted")]
    [InlineData("1,092 years old building")]
    [InlineData("92.5 years old")]
    [InlineData("Hospital Centenario")]
    [InlineData("")]
    public void Ignores_numbers_that_are_not_ages(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("My symptoms are worse this week. I'm 93 and it's hard to hold a cup.", "93")]
    [InlineData("I'm 96 and I can't drive anymore", "96")]
    [InlineData("Caller: I am 101.", "101")]
    [InlineData("well, i'm 95, so", "95")]
    [InlineData("I\u2019m 92 now", "92")]
    [InlineData("I'm 90", "90")]
    [InlineData("I'm 104!\nThanks", "104")]
    [InlineData("I am  99 this year", "99")]
    [InlineData("No fever.\nI'm 97 and live alone", "97")]
    public void Finds_an_age_over_89_the_patient_states(string text, string expected)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(expected, finding.Covered(text));
        Assert.Equal(0.8, finding.Score);
        Assert.Equal("age pattern said by the patient, age over 89", finding.Explanation);
    }

    [Theory]
    [InlineData("I'm 95 kg")]
    [InlineData("I'm 98.6")]
    [InlineData("I'm 98.6 today")]
    [InlineData("I'm 90 percent sure")]
    [InlineData("I'm 92% better")]
    [InlineData("I'm 100 miles away")]
    [InlineData("I'm 91 days sober")]
    [InlineData("I'm 89 and fine")]
    [InlineData("I'm 130 and counting")]
    [InlineData("I'm 1,095 and")]
    [InlineData("I'm 95/60 and dizzy")]
    [InlineData("Aim 95 and")]
    [InlineData("he said 93 and")]
    [InlineData("Still running a fever, I'm 101.")]
    [InlineData("Checked my temperature: I'm 102 and shivering")]
    public void Ignores_numbers_after_i_am_that_are_not_an_age_over_89(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("My father is 95 and keeps forgetting to take his pills.", "95")]
    [InlineData("Is the shingles vaccine recommended at 95?", "95")]
    [InlineData("Grandma turned 100 today", "100")]
    [InlineData("She\u2019s 102.", "102")]
    [InlineData("He was 97, so he moved in with us.", "97")]
    [InlineData("Can my mother still drive at 93?", "93")]
    public void Finds_an_age_over_89_stated_of_a_person_without_years_old(string text, string expected)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(expected, finding.Covered(text));
        Assert.Equal("age pattern stated of a person, age over 89", finding.Explanation);
    }

    [Theory]
    [InlineData("95yo man with CHF", "95")]
    [InlineData("aged 95, lives alone", "95")]
    [InlineData("a 95-year-old veteran", "95")]
    public void Finds_the_short_forms_of_an_age_over_89(string text, string expected)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(expected, finding.Covered(text));
    }

    [Theory]
    [InlineData("Please put him in room 95.")]
    [InlineData("He takes 95 mg at night.")]
    [InlineData("Her oxygen is 95%.")]
    [InlineData("HR is 95 and regular")]
    [InlineData("sats steady at 92.")]
    [InlineData("Blood sugar was 110, so")]
    [InlineData("Her score was 100.")]
    [InlineData("the room is 95 degrees")]
    [InlineData("My father is 85 and")]
    [InlineData("We met at 95 Main Street.")]
    [InlineData("The dose went up at 100 mg.")]
    [InlineData("It is 95.5 now")]
    public void Ignores_numbers_after_is_or_at_that_are_not_an_age_over_89(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("A 92-year-old woman")]
    [InlineData("age: 101")]
    public void Explanation_never_contains_the_value(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.DoesNotContain(finding.Covered(text), finding.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string> AdversarialInputs => new()
    {
        string.Concat(Enumerable.Repeat("92 ", 34_000)),
        string.Concat(Enumerable.Repeat("age ", 25_000)) + "95",
        "age" + new string(' ', 100_000) + "95",
        string.Concat(Enumerable.Repeat("ninety ", 15_000)),
        string.Concat(Enumerable.Repeat("92-year-", 12_500)),
        string.Concat(Enumerable.Repeat("one hundred and ", 6_500)),
        string.Concat(Enumerable.Repeat("I'm 95 ", 14_000)),
        "I am" + new string(' ', 100_000) + "95 and",
        string.Concat(Enumerable.Repeat("HR is 95 ", 12_000)),
        string.Concat(Enumerable.Repeat("at ", 30_000)) + "95.",
    };

    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void Scans_100_kb_adversarial_input_without_timing_out(string text)
    {
        Assert.NotNull(_recognizer.FindIn(text));
    }
}
