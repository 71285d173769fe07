using Caduceus.Detection.Phi.Names;

namespace Caduceus.Detection.Tests.Phi.Names;

[Collection(nameof(NameTestGroup))]
public sealed class NameRecognizerTests
{
    private readonly NameRecognizer _recognizer = new();

    private List<Finding> Find(string text) => _recognizer.FindIn(text);

    private Finding FindOne(string text, string expected)
    {
        var finding = Assert.Single(Find(text));
        Assert.Equal(expected, finding.Covered(text));
        return finding;
    }

    [Fact]
    public void Finds_given_name_and_surname_from_gazetteer()
    {
        const string text = "Patient Maria Lopez was seen today.";

        var finding = Assert.Single(Find(text));

        Assert.Equal(EntityTypes.Name, finding.EntityType);
        Assert.Equal(FindingCategory.Phi, finding.Category);
        Assert.Equal(8, finding.Start);
        Assert.Equal(11, finding.Length);
        Assert.Equal("NameRecognizer", finding.Detector);
        Assert.Equal(1.0, finding.Score);
        Assert.Equal("name: given name and surname in gazetteer, cue 'patient' before", finding.Explanation);
    }

    [Fact]
    public void Scores_a_bare_given_name_and_surname_without_cue_at_085()
    {
        var finding = FindOne("I think Maria Lopez will come tomorrow.", "Maria Lopez");

        Assert.Equal(8, finding.Start);
        Assert.Equal(0.85, finding.Score);
    }

    [Theory]
    [InlineData("Seen by Dr. Okonkwo-Adeyemi today.", "Okonkwo-Adeyemi", 12)]
    [InlineData("Dr. Rubija Xochimanca reviewed the MRI.", "Rubija Xochimanca", 4)]
    [InlineData("Mrs. O'Brien arrived.", "O'Brien", 5)]
    [InlineData("Mr. McDonald arrived.", "McDonald", 4)]
    [InlineData("Ms. Zvonimirova called.", "Zvonimirova", 4)]
    [InlineData("Prof. Tanaka agreed.", "Tanaka", 6)]
    [InlineData("La Sra. Gómez llegó.", "Gómez", 8)]
    [InlineData("DR. OKONKWO SIGNED THE ORDER", "OKONKWO", 4)]
    [InlineData("Ask Dr. Kaiser.", "Kaiser", 8)]
    [InlineData("Ask Dr. Best.", "Best", 8)]
    [InlineData("Ask Mrs. Church.", "Church", 9)]
    public void Finds_any_capitalized_word_after_a_title(string text, string name, int start)
    {
        var finding = FindOne(text, name);

        Assert.Equal(start, finding.Start);
        Assert.True(finding.Score >= 0.85, $"score {finding.Score}");
        Assert.Contains("title", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my name is Rubija and I have a headache", "Rubija", 11)]
    [InlineData("Hello, my name is Xochitl Okonkwo.", "Xochitl Okonkwo", 18)]
    [InlineData("Me llamo Itzamná y tengo dolor.", "Itzamná", 9)]
    [InlineData("Mi nombre es Yesenia Ruvalcaba.", "Yesenia Ruvalcaba", 13)]
    [InlineData("Name: Tjarko Vreeswijk", "Tjarko Vreeswijk", 6)]
    [InlineData("Patient Name: Nguyen Thi Minh", "Nguyen Thi Minh", 14)]
    [InlineData("Dear Oluwaseun,", "Oluwaseun", 5)]
    [InlineData("Electronically signed by: Rubija Xochimanca", "Rubija Xochimanca", 26)]
    public void Finds_names_after_strong_cues(string text, string name, int start)
    {
        var finding = FindOne(text, name);

        Assert.Equal(start, finding.Start);
        Assert.True(finding.Score >= 0.8, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("my name is maria lopez", "maria lopez", 11)]
    [InlineData("my name is rubija", "rubija", 11)]
    [InlineData("hi my name is jose garcia and i need help", "jose garcia", 14)]
    [InlineData("me llamo guadalupe", "guadalupe", 9)]
    public void Finds_lower_case_names_after_an_introduction(string text, string name, int start)
    {
        var finding = FindOne(text, name);

        Assert.Equal(start, finding.Start);
        Assert.True(finding.Score >= 0.7, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("my son Diego has a fever", "Diego", 7)]
    [InlineData("Spoke with the patient's daughter, Ana, who agrees.", "Ana", 35)]
    [InlineData("His wife Rubija is at the bedside.", "Rubija", 9)]
    [InlineData("Caregiver: Tomasz Wiśniewski", "Tomasz Wiśniewski", 11)]
    [InlineData("Emergency contact: Ivanova Olga", "Ivanova Olga", 19)]
    [InlineData("La señora llegó con su hijo Pedro.", "Pedro", 28)]
    [InlineData("WIFE MARIA AT BEDSIDE.", "MARIA", 5)]
    [InlineData("patient seen w/ daughter maria", "maria", 25)]
    [InlineData("my son jake has a fever", "jake", 7)]
    [InlineData("Met with Son-in-law Mark today.", "Mark", 20)]
    public void Finds_relatives_after_relation_cues(string text, string name, int start)
    {
        var finding = FindOne(text, name);

        Assert.Equal(start, finding.Start);
        Assert.True(finding.Score >= 0.6, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Seen by J. Smith, MD", "J. Smith", 8)]
    [InlineData("Rubija Xochimanca, RN", "Rubija Xochimanca", 0)]
    [InlineData("Note by Tanaka MD.", "Tanaka", 8)]
    [InlineData("Reviewed with K. Okafor, PharmD", "K. Okafor", 14)]
    public void Credential_after_the_name_counts_like_a_title(string text, string name, int start)
    {
        var finding = FindOne(text, name);

        Assert.Equal(start, finding.Start);
        Assert.True(finding.Score >= 0.85, $"score {finding.Score}");
        Assert.Contains("credential", finding.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("John A. Smith called.", "John A. Smith", 0)]
    [InlineData("Maria de la Cruz is here.", "Maria de la Cruz", 0)]
    [InlineData("Visit by Pieter van der Berg today.", "Pieter van der Berg", 9)]
    [InlineData("Jose De La Cruz arrived.", "Jose De La Cruz", 0)]
    [InlineData("Ahmed al-Hassan arrived.", "Ahmed al-Hassan", 0)]
    [InlineData("Then Mary-Jane Okafor-Smith called.", "Mary-Jane Okafor-Smith", 5)]
    [InlineData("Georgia O'Keeffe painted.", "Georgia O'Keeffe", 0)]
    [InlineData("Seen with Maria Elena Garcia Lopez today.", "Maria Elena Garcia Lopez", 10)]
    public void Finds_initials_particles_hyphens_and_apostrophes_in_one_span(string text, string name, int start)
    {
        var finding = FindOne(text, name);

        Assert.Equal(start, finding.Start);
        Assert.True(finding.Score >= 0.85, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Follow up with J. R. Ortiz next week.", "J. R. Ortiz", 15)]
    [InlineData("Copy to A.J. Kowalski.", "A.J. Kowalski", 8)]
    [InlineData("Letter for M. Okafor today.", "M. Okafor", 11)]
    public void Finds_initials_before_a_surname(string text, string name, int start)
    {
        var finding = FindOne(text, name);

        Assert.Equal(start, finding.Start);
        Assert.Equal(0.75, finding.Score);
    }

    [Theory]
    [InlineData("Smith, John", "Smith, John", 0)]
    [InlineData("SMITH, JOHN A", "SMITH, JOHN", 0)]
    [InlineData("Patient: Lopez, Maria", "Lopez, Maria", 9)]
    [InlineData("Patient: WASHINGTON, GEORGE   DOB: 02/22/1932", "WASHINGTON, GEORGE", 9)]
    [InlineData("WHITE, JOHN", "WHITE, JOHN", 0)]
    public void Finds_surname_comma_given_name(string text, string name, int start)
    {
        var finding = FindOne(text, name);

        Assert.Equal(start, finding.Start);
        Assert.True(finding.Score >= 0.8, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("JOHN SMITH DOB 01/02/1960", "JOHN SMITH", 0)]
    [InlineData("PATIENT: MARIA GONZALEZ", "MARIA GONZALEZ", 9)]
    public void Finds_names_in_capitals(string text, string name, int start)
    {
        var finding = FindOne(text, name);

        Assert.Equal(start, finding.Start);
        Assert.True(finding.Score >= 0.8, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Maria's appointment is tomorrow.", "Maria", 0)]
    [InlineData("We called Dr. Okafor's office.", "Okafor", 14)]
    [InlineData("Per Mr. Jones' note, continue.", "Jones", 8)]
    public void Possessive_spans_the_name_only(string text, string name, int start)
    {
        var finding = FindOne(text, name);

        Assert.Equal(start, finding.Start);
        Assert.Equal(name.Length, finding.Length);
    }

    [Theory]
    [InlineData("Called Lopez at home.", "Lopez")]
    [InlineData("I saw Okafor yesterday.", "Okafor")]
    [InlineData("Kowalczyk reported pain.", "Kowalczyk")]
    [InlineData("Then Nguyen left.", "Nguyen")]
    public void Finds_a_lone_gazetteer_surname(string text, string name)
    {
        var finding = FindOne(text, name);

        Assert.InRange(finding.Score, 0.5, 0.7);
    }

    [Theory]
    [InlineData("I met Rubija Lopez today.", "Rubija Lopez")]
    [InlineData("Then Maria Xochimanca left.", "Maria Xochimanca")]
    public void Finds_an_unknown_word_next_to_a_gazetteer_name(string text, string name)
    {
        var finding = FindOne(text, name);

        Assert.InRange(finding.Score, 0.6, 0.8);
    }

    [Theory]
    [InlineData("This is Rubija calling about my mother.", "Rubija")]
    [InlineData("Sincerely,\nJohn Smith", "John Smith")]
    [InlineData("Thanks,\nRubija", "Rubija")]
    public void Finds_callers_and_signatures(string text, string name)
    {
        var finding = FindOne(text, name);

        Assert.True(finding.Score >= 0.8, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("Will Smith and Mark Brown came in.", new[] { "Will Smith", "Mark Brown" })]
    [InlineData("Mr. Parkinson has a tremor; Ms. Graves is here.", new[] { "Parkinson", "Graves" })]
    [InlineData("James Parkinson described it.", new[] { "James Parkinson" })]
    [InlineData("Christian Lopez came; April Johnson too.", new[] { "Christian Lopez", "April Johnson" })]
    public void Finds_names_that_are_also_common_words_with_evidence(string text, string[] names)
    {
        var findings = Find(text);

        Assert.Equal(names, findings.Select(f => f.Covered(text)));
        Assert.All(findings, f => Assert.True(f.Score >= 0.75, $"score {f.Score}"));
    }

    [Fact]
    public void Two_names_after_a_comma_are_not_surname_then_given_name_when_the_first_is_a_common_word()
    {
        const string text = "Paris Hilton? No, Paris Jackson.";

        Assert.Equal(["Paris Hilton", "Paris Jackson"], Find(text).Select(f => f.Covered(text)));
    }

    [Fact]
    public void Finds_clinicians_and_family_in_a_note_written_in_title_case()
    {
        const string text = "Contact: Linda Garcia (wife). Attending: Robert Chen, MD   Resident: Priya Natarajan, MD";

        var findings = Find(text);

        Assert.Equal(["Linda Garcia", "Robert Chen", "Priya Natarajan"], findings.Select(f => f.Covered(text)));
        Assert.All(findings, f => Assert.Equal(1.0, f.Score));
    }

    [Fact]
    public void Includes_a_generational_suffix()
    {
        FindOne("John Smith Jr. was admitted.", "John Smith Jr");
    }

    [Fact]
    public void Finds_every_name_in_a_note_in_reading_order()
    {
        const string text = "Mrs. Maria Lopez, 67, seen with her son Mark. Dr. Okafor will call. Signed: James T. Wilson, MD";

        var findings = Find(text);

        Assert.Equal(["Maria Lopez", "Mark", "Okafor", "James T. Wilson"], findings.Select(f => f.Covered(text)));
    }

    [Theory]
    [InlineData("Patient Maria Lopez was seen.")]
    [InlineData("my name is rubija")]
    [InlineData("Dr. Okonkwo-Adeyemi")]
    [InlineData("SMITH, JOHN A")]
    [InlineData("Seen by J. Smith, MD")]
    public void Explanation_never_contains_the_value(string text)
    {
        foreach (var finding in Find(text))
        {
            var value = finding.Covered(text);
            Assert.DoesNotContain(value, finding.Explanation, StringComparison.OrdinalIgnoreCase);
            foreach (var part in value.Split(' ', ',', '.', '-'))
            {
                if (part.Length > 2)
                {
                    Assert.DoesNotContain(part, finding.Explanation, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("no capitals and no cue here at all")]
    [InlineData("1234 5678 !!! ???")]
    public void Finds_nothing_in_text_without_names(string text)
    {
        Assert.Empty(Find(text));
    }

    [Fact]
    public void Is_safe_to_share_across_threads()
    {
        const string text = "Patient Maria Lopez was seen by Dr. Okafor with her son Mark.";
        var expected = Find(text).Select(f => (f.Start, f.Length, f.Score)).ToArray();

        Parallel.For(0, 64, _ =>
        {
            var actual = new NameRecognizer().FindIn(text).Select(f => (f.Start, f.Length, f.Score)).ToArray();
            Assert.Equal(expected, actual);
        });
    }
}
