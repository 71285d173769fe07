using System.Text.Json;
using System.Text.Json.Nodes;

namespace Caduceus.Evaluation.Bias;

/// <summary>The JSON file of <c>caduceus audit bias --json</c>: groups, figures and tests, never a text or a value.</summary>
public static class BiasReportJson
{
    public static string Serialize(BiasAuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var comparisons = new JsonArray();
        foreach (var comparison in report.Comparisons)
        {
            var groups = new JsonObject();
            foreach (var group in comparison.Groups)
            {
                var node = new JsonObject { ["count"] = group.Count, ["value"] = Round(group.Value) };
                if (comparison.Metric == BiasMetric.Refusal)
                {
                    var reasons = new JsonObject();
                    foreach (var (reason, count) in group.RefusalReasons)
                    {
                        reasons[reason] = count;
                    }

                    node["reasons"] = reasons;
                }

                groups[group.Group] = node;
            }

            comparisons.Add(new JsonObject
            {
                ["dimension"] = comparison.Dimension,
                ["metric"] = comparison.Metric.Name,
                ["groups"] = groups,
                ["spread"] = Round(comparison.Spread),
                ["test"] = comparison.Test.Name,
                ["statistic"] = Round(comparison.Test.Statistic),
                ["df"] = comparison.Test.DegreesOfFreedom,
                ["tested"] = comparison.Tested,
                ["p"] = comparison.Test.PValue,
                ["p_holm"] = comparison.AdjustedPValue,
                ["significant"] = comparison.Significant,
            });
        }

        var json = new JsonObject
        {
            ["mode"] = report.Mode,
            ["alpha"] = report.Alpha,
            ["correction"] = "holm",
            ["templates"] = report.Templates,
            ["texts"] = report.Texts,
            ["tested_comparisons"] = report.TestedComparisons,
            ["significant"] = report.Significant.Count,
            ["comparisons"] = comparisons,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    // p-values are written unrounded: a tiny one must not read as zero.
    private static double Round(double value) => Math.Round(value, 6);
}
