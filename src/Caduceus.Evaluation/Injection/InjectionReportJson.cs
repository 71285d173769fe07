using System.Text.Json;
using System.Text.Json.Nodes;

namespace Caduceus.Evaluation.Injection;

/// <summary>The one-line JSON summary of <c>caduceus eval injection --json</c>.</summary>
public static class InjectionReportJson
{
    public static string Serialize(InjectionEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var perLabel = new JsonObject();
        foreach (var (label, counts) in report.PerLabel)
        {
            perLabel[label] = new JsonObject { ["count"] = counts.Count, ["flagged"] = counts.Flagged, ["flagged_rate"] = Round(counts.FlaggedRate) };
        }

        var json = new JsonObject
        {
            ["precision"] = Round(report.Precision),
            ["recall"] = Round(report.Recall),
            ["f1"] = Round(report.F1),
            ["fpr"] = Round(report.FalsePositiveRate),
            ["auc"] = double.IsNaN(report.Auc) ? null : Round(report.Auc),
            ["threshold"] = report.Threshold,
            ["documents"] = report.Documents,
            ["confusion"] = new JsonObject { ["tp"] = report.TruePositives, ["fp"] = report.FalsePositives, ["tn"] = report.TrueNegatives, ["fn"] = report.FalseNegatives },
            ["per_label"] = perLabel,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static double Round(double value) => Math.Round(value, 4);
}
