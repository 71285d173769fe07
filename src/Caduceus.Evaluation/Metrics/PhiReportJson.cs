using System.Text;
using System.Text.Json;

namespace Caduceus.Evaluation.Metrics;

/// <summary>
/// The machine-readable form of a report: one JSON object on one line, with <c>recall</c>, <c>precision</c>, <c>f1</c>,
/// <c>per_type</c> (type → recall, precision, f1, support and the counts behind them), <c>documents</c> and <c>tokens</c>.
/// Rates are rounded to four decimals.
/// </summary>
public static class PhiReportJson
{
    public static string Serialize(PhiEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteRates(json, report.Overall);
            json.WriteNumber("documents", report.Documents);
            json.WriteNumber("tokens", report.Tokens);
            json.WriteNumber("gold_tokens", report.Overall.Gold);
            json.WriteNumber("found_tokens", report.Overall.Found);
            json.WriteNumber("predicted_tokens", report.Overall.Predicted);
            json.WriteNumber("correct_tokens", report.Overall.Correct);
            json.WriteNumber("min_score", report.MinimumScore);
            json.WriteStartObject("per_type");
            foreach (var (type, counts) in report.PerType)
            {
                json.WriteStartObject(type);
                WriteRates(json, counts);
                json.WriteNumber("support", counts.Gold);
                json.WriteNumber("found", counts.Found);
                json.WriteNumber("predicted", counts.Predicted);
                json.WriteNumber("correct", counts.Correct);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteRates(Utf8JsonWriter json, TokenCounts counts)
    {
        json.WriteNumber("recall", Math.Round(counts.Recall, 4));
        json.WriteNumber("precision", Math.Round(counts.Precision, 4));
        json.WriteNumber("f1", Math.Round(counts.F1, 4));
    }
}
