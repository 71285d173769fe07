using Caduceus.Detection;
using Caduceus.Evaluation.Data;
using Caduceus.Evaluation.Metrics;

namespace Caduceus.Evaluation.Tests.Metrics;

public sealed class PhiTokenScorerTests
{
    private static PhiDocument Document(string text, params GoldSpan[] spans) => new("d", "test", 1, text, spans);

    private static Finding Phi(string type, int start, int end, double score = 0.9) =>
        new(type, FindingCategory.Phi, start, end - start, score, "Test", "test");

    private static PhiEvaluationReport Score(PhiDocument document, params Finding[] findings)
    {
        var scorer = new PhiTokenScorer();
        scorer.Add(document, findings);
        return scorer.Report();
    }

    [Fact]
    public void A_finding_that_covers_part_of_a_token_covers_the_token()
    {
        // Gold: "Rodriguez" (one token). The finding covers "Rodri" only; the token counts as found.
        var document = Document("Seen by Rodriguez today", new GoldSpan(8, 17, EntityTypes.Name));

        var report = Score(document, Phi(EntityTypes.Name, 8, 13));

        Assert.Equal(new TokenCounts(1, 1, 1, 1), report.Overall);
    }

    [Fact]
    public void A_partial_overlap_counts_the_covered_gold_tokens_and_the_extra_ones()
    {
        // Gold: "Maria Lopez" (2 tokens). Finding: "Lopez today" (2 tokens): 1 found, 1 false alarm, 1 missed.
        var document = Document("Maria Lopez today", new GoldSpan(0, 11, EntityTypes.Name));

        var report = Score(document, Phi(EntityTypes.Name, 6, 17));

        Assert.Equal(new TokenCounts(Gold: 2, Found: 1, Predicted: 2, Correct: 1), report.Overall);
        Assert.Equal(0.5, report.Overall.Recall);
        Assert.Equal(0.5, report.Overall.Precision);
        Assert.Equal(3, report.Tokens);
    }

    [Fact]
    public void A_value_split_by_punctuation_counts_each_token()
    {
        // "555-234-5678" is three tokens; the finding covers "555-234" only.
        var document = Document("Call 555-234-5678 now", new GoldSpan(5, 17, EntityTypes.Phone));

        var report = Score(document, Phi(EntityTypes.Phone, 5, 12));

        Assert.Equal(new TokenCounts(3, 2, 2, 2), report.Overall);
        Assert.Equal(new TokenCounts(3, 2, 2, 2), report.PerType[EntityTypes.Phone]);
    }

    [Fact]
    public void Per_type_recall_accepts_a_finding_of_another_type_and_precision_any_gold_type()
    {
        // Gold: FAX "555 234 5678" (3 tokens) and NAME "Ana" (1). Finding: PHONE over the fax number, and PHONE over "Tuesday".
        const string text = "Fax 555 234 5678 to Ana on Tuesday";
        var document = Document(text, new GoldSpan(4, 16, EntityTypes.Fax), new GoldSpan(20, 23, EntityTypes.Name));

        var report = Score(document, Phi(EntityTypes.Phone, 4, 16), Phi(EntityTypes.Phone, 27, 34));

        Assert.Equal(new TokenCounts(Gold: 3, Found: 3, Predicted: 0, Correct: 0), report.PerType[EntityTypes.Fax]);
        Assert.Equal(new TokenCounts(Gold: 1, Found: 0, Predicted: 0, Correct: 0), report.PerType[EntityTypes.Name]);
        Assert.Equal(new TokenCounts(Gold: 0, Found: 0, Predicted: 4, Correct: 3), report.PerType[EntityTypes.Phone]);
        Assert.Equal(new TokenCounts(Gold: 4, Found: 3, Predicted: 4, Correct: 3), report.Overall);
        Assert.False(report.PerType.ContainsKey(EntityTypes.Ssn));
    }

    [Fact]
    public void Without_gold_spans_every_prediction_is_a_false_alarm_and_recall_is_vacuous()
    {
        var document = Document("BP 120/80, pulse 72");

        var empty = Score(document);
        var alarmed = Score(document, Phi(EntityTypes.Date, 3, 9));

        Assert.Equal(default, empty.Overall);
        Assert.Empty(empty.PerType);
        Assert.Equal((1.0, 1.0), (empty.Overall.Recall, empty.Overall.Precision));
        Assert.Equal(new TokenCounts(0, 0, 2, 0), alarmed.Overall);
        Assert.Equal(0.0, alarmed.Overall.Precision);
        Assert.Equal(1.0, alarmed.Overall.Recall);
    }

    [Fact]
    public void Findings_below_the_minimum_score_and_injection_findings_do_not_count()
    {
        var document = Document("SSN 536-22-1843", new GoldSpan(4, 15, EntityTypes.Ssn));
        var lowScore = Phi(EntityTypes.Ssn, 4, 15, score: 0.49);
        var injection = new Finding(EntityTypes.PromptInjection, FindingCategory.Injection, 0, 15, 1.0, "Test", "test");

        var report = Score(document, lowScore, injection);
        var lenient = new PhiTokenScorer(minimumScore: 0.4);
        lenient.Add(document, [lowScore]);

        Assert.Equal(new TokenCounts(3, 0, 0, 0), report.Overall);
        Assert.Equal(new TokenCounts(3, 3, 3, 3), lenient.Report().Overall);
    }

    [Fact]
    public void Counts_accumulate_over_documents()
    {
        var scorer = new PhiTokenScorer();
        scorer.Add(Document("Ana", new GoldSpan(0, 3, EntityTypes.Name)), [Phi(EntityTypes.Name, 0, 3)]);
        scorer.Add(Document("Bo Li", new GoldSpan(0, 5, EntityTypes.Name)), []);

        var report = scorer.Report();

        Assert.Equal(2, report.Documents);
        Assert.Equal(3, report.Tokens);
        Assert.Equal(8, report.Characters);
        Assert.Equal(new TokenCounts(3, 1, 1, 1), report.PerType[EntityTypes.Name]);
    }

    [Fact]
    public void Evaluator_runs_the_analyzer_on_each_document_as_user_text()
    {
        var documents = new[]
        {
            Document("My SSN is 536-22-1843.", new GoldSpan(10, 21, EntityTypes.Ssn)),
            Document("Write to jane.roe@example.org", new GoldSpan(9, 29, EntityTypes.Email)),
        };
        var done = new List<int>();

        var report = PhiEvaluator.Evaluate(documents, TextAnalyzer.CreateDefault(), progress: done.Add);

        Assert.Equal(new TokenCounts(7, 7, 7, 7), report.Overall);
        Assert.Equal([1, 2], done);
    }
}
