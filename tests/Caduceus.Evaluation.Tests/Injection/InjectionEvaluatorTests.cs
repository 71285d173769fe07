using System.Text.RegularExpressions;
using Caduceus.Evaluation.Injection;
using Caduceus.Evaluation.Metrics;

namespace Caduceus.Evaluation.Tests.Injection;

public sealed class InjectionEvaluatorTests
{
    private static InjectionDocument Doc(string label, int line) => new($"f#{line}", "f", line, "text", label);

    [Fact]
    public void Counts_flagged_attacks_and_benign_texts_at_the_threshold()
    {
        InjectionDocument[] docs = [Doc("injection", 1), Doc("jailbreak", 2), Doc("jailbreak", 3), Doc("benign", 4), Doc("benign", 5), Doc("benign", 6), Doc("benign", 7)];
        double[] scores = [0.9, 0.5, 0.2, 0.7, 0.1, 0.0, 0.49];

        var report = InjectionEvaluator.Measure(docs, scores, 0.5);

        Assert.Equal((2, 1, 3, 1), (report.TruePositives, report.FalsePositives, report.TrueNegatives, report.FalseNegatives));
        Assert.Equal(2.0 / 3, report.Precision, 6);
        Assert.Equal(2.0 / 3, report.Recall, 6);
        Assert.Equal(2.0 / 3, report.F1, 6);
        Assert.Equal(0.25, report.FalsePositiveRate, 6);
        Assert.Equal(new LabelCounts(2, 1), report.PerLabel["jailbreak"]);
        Assert.Equal(new LabelCounts(4, 1), report.PerLabel["benign"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_text_the_detectors_cannot_finish_fails_the_evaluation_naming_its_line_never_its_text(bool parallel)
    {
        InjectionDocument[] docs = [Doc("benign", 1), new("f#2", "f", 2, "my SSN is 123-45-6789", "injection"), Doc("benign", 3)];

        var failure = Assert.Throws<DetectionFailedException>(() => InjectionEvaluator.Evaluate(
            docs,
            document => document.LineNumber == 2 ? throw new RegexMatchTimeoutException("text", "pattern", TimeSpan.FromSeconds(1)) : 0.0,
            0.5,
            parallel: parallel));

        Assert.Contains("f line 2", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("123-45-6789", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auc_is_the_chance_an_attack_outscores_a_benign_text_with_ties_counting_half()
    {
        InjectionDocument[] docs = [Doc("injection", 1), Doc("injection", 2), Doc("benign", 3), Doc("benign", 4)];

        Assert.Equal(1.0, InjectionEvaluator.Measure(docs, [0.9, 0.8, 0.1, 0.2], 0.5).Auc, 6);
        Assert.Equal(0.0, InjectionEvaluator.Measure(docs, [0.1, 0.2, 0.9, 0.8], 0.5).Auc, 6);
        Assert.Equal(0.5, InjectionEvaluator.Measure(docs, [0.3, 0.3, 0.3, 0.3], 0.5).Auc, 6);
        // Pairs (attack, benign): (0.9,0.5) win, (0.9,0.2) win, (0.5,0.5) tie, (0.5,0.2) win -> 3.5 / 4.
        Assert.Equal(0.875, InjectionEvaluator.Measure(docs, [0.9, 0.5, 0.5, 0.2], 0.5).Auc, 6);
    }

    [Fact]
    public void The_roc_curve_runs_from_nothing_flagged_to_everything_flagged()
    {
        InjectionDocument[] docs = [Doc("injection", 1), Doc("benign", 2), Doc("jailbreak", 3)];

        var roc = InjectionEvaluator.Measure(docs, [0.8, 0.4, 0.1], 0.5).Roc;

        Assert.Equal((0.0, 0.0), (roc[0].FalsePositiveRate, roc[0].TruePositiveRate));
        Assert.Equal((1.0, 1.0), (roc[^1].FalsePositiveRate, roc[^1].TruePositiveRate));
        Assert.Equal([0.0, 0.0, 1.0, 1.0], roc.Select(p => p.FalsePositiveRate));
        Assert.Equal([0.0, 0.5, 0.5, 1.0], roc.Select(p => p.TruePositiveRate));
    }

    [Fact]
    public void Json_has_the_keys_the_issue_names()
    {
        InjectionDocument[] docs = [Doc("injection", 1), Doc("benign", 2)];

        var json = System.Text.Json.JsonDocument.Parse(InjectionReportJson.Serialize(InjectionEvaluator.Measure(docs, [0.9, 0.1], 0.5))).RootElement;

        foreach (var key in new[] { "precision", "recall", "f1", "fpr", "auc" })
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Number, json.GetProperty(key).ValueKind);
        }

        Assert.Equal(1, json.GetProperty("confusion").GetProperty("tp").GetInt32());
    }
}
