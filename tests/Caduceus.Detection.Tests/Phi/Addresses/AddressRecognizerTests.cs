using Caduceus.Detection.Phi.Addresses;

namespace Caduceus.Detection.Tests.Phi.Addresses;

[Collection(SequentialScans.Name)]
public sealed class AddressRecognizerTests
{
    private readonly AddressRecognizer _recognizer = new();

    private Finding FindOne(string text, string expected)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));
        Assert.Equal(EntityTypes.Address, finding.EntityType);
        Assert.Equal(expected, finding.Covered(text));
        Assert.Equal(text.IndexOf(expected, StringComparison.Ordinal), finding.Start);
        return finding;
    }

    [Fact]
    public void Finds_us_street_address()
    {
        const string text = "She lives at 123 Main St with her son.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal(EntityTypes.Address, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal(13, finding.Start);
        Assert.Equal(11, finding.Length);
        Assert.Equal("AddressRecognizer", finding.Detector);
        Assert.Equal(1.0, finding.Score);
        Assert.Equal("US street address pattern, number, street name and street suffix, context word 'lives at' immediately before", finding.Explanation);
    }

    [Theory]
    [InlineData("at 4500 N. Martin Luther King Jr Blvd SE, Suite 200 today", "4500 N. Martin Luther King Jr Blvd SE, Suite 200")]
    [InlineData("221B Baker Street.", "221B Baker Street")]
    [InlineData("77 Massachusetts Ave Apt 4B", "77 Massachusetts Ave Apt 4B")]
    [InlineData("moved to 9 Elm Ct #12, ok", "9 Elm Ct #12")]
    [InlineData("1600 Pennsylvania Avenue NW", "1600 Pennsylvania Avenue NW")]
    [InlineData("350 5th Ave, Unit 3", "350 5th Ave, Unit 3")]
    [InlineData("12-14 Old Country Rd.", "12-14 Old Country Rd.")]
    [InlineData("55 Sunset Terrace", "55 Sunset Terrace")]
    public void Finds_us_street_addresses_with_units_and_directions(string text, string expected)
    {
        var finding = FindOne(text, expected);

        Assert.True(finding.Score >= 0.75, $"score {finding.Score}");
    }

    [Fact]
    public void Every_suffix_of_the_precheck_list_is_a_street_suffix_of_the_pattern()
    {
        foreach (var suffix in StreetWords.UsSuffixes)
        {
            var text = $"lives at 12 Oak {char.ToUpperInvariant(suffix[0])}{suffix[1..]}";

            var finding = Assert.Single(_recognizer.FindIn(text));

            Assert.Equal(9, finding.Start);
            Assert.Equal(text.Length - 9, finding.Length);
        }
    }

    [Theory]
    [InlineData("office at 1585 Broadway, 4th floor", "1585 Broadway")]
    [InlineData("farm at 45 Route 9 N, then", "45 Route 9 N")]
    [InlineData("12 State Hwy 101, Unit 2", "12 State Hwy 101, Unit 2")]
    [InlineData("7 County Road 12", "7 County Road 12")]
    public void Finds_streets_named_by_a_route_number(string text, string expected)
    {
        var finding = FindOne(text, expected);

        Assert.Equal(0.7, finding.Score);
    }

    [Theory]
    [InlineData("took route 2 times")]
    [InlineData("IV route 5 mg")]
    [InlineData("mile 45 on Route 9")]
    public void Ignores_routes_without_a_house_number(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Fact]
    public void Lower_case_street_counts_when_its_suffix_is_unmistakable()
    {
        var finding = FindOne("i live on 12 elm street", "12 elm street");

        Assert.Equal(0.6, finding.Score);
    }

    [Theory]
    [InlineData("Seen by 2 different Dr today")]
    [InlineData("walk 2 blocks to the park way")]
    [InlineData("take 3 times a day")]
    [InlineData("gave 2 more way")]
    public void Lower_case_words_around_a_number_are_not_confident_addresses(string text)
    {
        Assert.All(_recognizer.FindIn(text), f => Assert.True(f.Score < 0.5, $"score {f.Score}"));
    }

    [Theory]
    [InlineData("Send it to PO Box 1234.", "PO Box 1234")]
    [InlineData("P.O. Box #45", "P.O. Box #45")]
    [InlineData("post office box 9", "post office box 9")]
    [InlineData("Apartado Postal 12", "Apartado Postal 12")]
    public void Finds_po_boxes(string text, string expected)
    {
        FindOne(text, expected);
    }

    [Theory]
    [InlineData("Springfield, IL 62704", "Springfield, IL 62704", 0.9)]
    [InlineData("moved from Boston, MA last year", "Boston, MA", 0.8)]
    [InlineData("St. Louis, Missouri.", "St. Louis, Missouri", 0.8)]
    [InlineData("Mobile, AL 36602", "Mobile, AL 36602", 0.9)]
    [InlineData("Los Angeles CA 90012-3456", "Los Angeles CA 90012-3456", 0.9)]
    public void Finds_city_lines_with_state_and_zip(string text, string expected, double score)
    {
        var finding = FindOne(text, expected);

        Assert.Equal(score, finding.Score);
    }

    [Fact]
    public void Finds_a_city_line_with_a_town_missing_from_the_gazetteer_when_a_zip_follows()
    {
        var finding = FindOne("Mail to Smallvillex, KS 66002.", "Smallvillex, KS 66002");

        Assert.Equal(0.7, finding.Score);
        Assert.Equal("capitalized word, state and ZIP code, city not in the gazetteer", finding.Explanation);
    }

    [Fact]
    public void Reports_street_and_city_line_as_one_address()
    {
        const string text = "Address: 123 Main St, Apt 4B, Springfield, IL 62704. Phone next.";

        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.Equal("123 Main St, Apt 4B, Springfield, IL 62704", finding.Covered(text));
        Assert.Equal(1.0, finding.Score);
    }

    [Theory]
    [InlineData("Jane Smith, MD")]
    [InlineData("Seen by Dr. Lee, PA today")]
    [InlineData("She moved to Illinois")]
    [InlineData("flew to Canada and Mexico")]
    [InlineData("lives in the US")]
    [InlineData("Atlantis, CA")]
    public void Ignores_credentials_states_and_countries(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("ZIP 02139", "02139")]
    [InlineData("zip code: 90210-1234", "90210-1234")]
    [InlineData("postal code 60614", "60614")]
    [InlineData("C.P. 28001", "28001")]
    [InlineData("Chicago IL 60614", "Chicago IL 60614")]
    [InlineData("somewhere in NY 10001", "10001")]
    public void Finds_zip_codes_after_a_label_or_a_state(string text, string expected)
    {
        FindOne(text, expected);
    }

    [Theory]
    [InlineData("Order 02139 shipped")]
    [InlineData("glucose 12345")]
    [InlineData("ZIP 1234567")]
    [InlineData("ZIP 021.39")]
    [InlineData("CPAP 12345")]
    public void Ignores_five_digits_without_a_zip_label(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("She lives in Boston with her daughter.", "Boston", 0.85)]
    [InlineData("resident of Cook County since 1990", "Cook County", 0.85)]
    [InlineData("He is from Springfield.", "Springfield", 0.55)]
    [InlineData("visiting family in Grand Rapids", "Grand Rapids", 0.7)]
    [InlineData("lives in Mobile", "Mobile", 0.6)]
    [InlineData("born in San Francisco and raised there", "San Francisco", 0.85)]
    public void Finds_us_place_names_after_a_residence_phrase_or_preposition(string text, string expected, double score)
    {
        var finding = FindOne(text, expected);

        Assert.Equal(score, finding.Score);
    }

    [Theory]
    [InlineData("Reading glasses help")]
    [InlineData("from Reading the chart")]
    [InlineData("in Hope of recovery")]
    [InlineData("Independence in ADLs")]
    [InlineData("from Mobile unit")]
    [InlineData("Mobile phone")]
    [InlineData("in March")]
    [InlineData("from Monday to Friday")]
    [InlineData("referred to Dr. Jackson")]
    [InlineData("Boston is a city")]
    [InlineData("in boston")]
    [InlineData("")]
    public void Ignores_place_names_without_context_and_common_words_after_a_weak_cue(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("Koskikatu 25 Apt. 864", "Koskikatu 25 Apt. 864")]
    [InlineData("vivo en Calle Mayor 5, 3º izq", "Calle Mayor 5, 3º")]
    [InlineData("12 rue de la Paix, Paris", "12 rue de la Paix")]
    [InlineData("Hauptstraße 7", "Hauptstraße 7")]
    [InlineData("Kungsgatan 3", "Kungsgatan 3")]
    [InlineData("Koskikatu, 25", "Koskikatu, 25")]
    [InlineData("asun Koskikatu\n25", "Koskikatu\n25")]
    [InlineData("C/ Mayor 5", "C/ Mayor 5")]
    [InlineData("Avda. de la Constitución 12", "Avda. de la Constitución 12")]
    public void Finds_international_street_forms_with_a_lower_score(string text, string expected)
    {
        var finding = FindOne(text, expected);

        Assert.True(finding.Score is >= 0.5 and < 0.75, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Spring 2020")]
    [InlineData("Katie 5")]
    [InlineData("2 route of administration")]
    [InlineData("via IV 5 mg")]
    [InlineData("it is true 5 times")]
    [InlineData("it took place 5 days ago")]
    public void Ignores_words_that_only_look_like_international_streets(string text)
    {
        Assert.Empty(_recognizer.FindIn(text));
    }

    [Theory]
    [InlineData("lives at 123 Main St")]
    [InlineData("Springfield, IL 62704")]
    [InlineData("lives in Boston")]
    public void Explanation_never_contains_the_value(string text)
    {
        var finding = Assert.Single(_recognizer.FindIn(text));

        Assert.DoesNotContain("Main", finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("Springfield", finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("Boston", finding.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("62704", finding.Explanation, StringComparison.Ordinal);
    }

    public static TheoryData<string> AdversarialInputs => new()
    {
        "1 " + new string('a', 100_000),
        string.Concat(Enumerable.Repeat("1 a ", 25_000)),
        string.Concat(Enumerable.Repeat("12 Main Main Main Main Main ", 3_500)),
        string.Concat(Enumerable.Repeat("Boston, ", 12_500)),
        string.Concat(Enumerable.Repeat("A ", 50_000)) + ", MA",
        string.Concat(Enumerable.Repeat("lives in Boston ", 6_000)),
        string.Concat(Enumerable.Repeat("Calle de ", 11_000)),
        "Abc" + new string('d', 100_000) + "katu 5",
        string.Concat(Enumerable.Repeat("PO Box ", 14_000)),
        string.Concat(Enumerable.Repeat("IL 12345 ", 11_000)),
        string.Concat(Enumerable.Repeat("ZIP 12345 ", 10_000)),
    };

    [Theory]
    [MemberData(nameof(AdversarialInputs))]
    public void Scans_100_kb_adversarial_input_without_timing_out(string text)
    {
        Assert.NotNull(_recognizer.FindIn(text));
    }
}
