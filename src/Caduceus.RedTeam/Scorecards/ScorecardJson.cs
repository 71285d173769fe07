using System.Globalization;
using System.Text.Json;
using Caduceus.RedTeam.Attacks;

namespace Caduceus.RedTeam.Scorecards;

/// <summary>
/// Writes a scorecard as JSON: <c>target</c>, <c>categories: {LLM01: {title, attempts, stopped, passRate}}</c>,
/// <c>benign: {total, refused, refusedIds}</c>, <c>attacks: [...]</c>; with a comparison, the second target's scorecard
/// under <c>compare</c>.
/// </summary>
public static class ScorecardJson
{
    public static string Serialize(Scorecard primary, Scorecard? compare = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            WriteBody(writer, primary);
            if (compare is not null)
            {
                writer.WriteStartObject("compare");
                WriteBody(writer, compare);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteBody(Utf8JsonWriter writer, Scorecard scorecard)
    {
        writer.WriteString("target", scorecard.Target);
        writer.WriteString("startedAt", scorecard.StartedAt.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteNumber("durationSeconds", Math.Round(scorecard.Duration.TotalSeconds, 2));
        writer.WriteNumber("attempts", scorecard.Attempts);
        writer.WriteNumber("stopped", scorecard.Stopped);
        writer.WriteStartObject("categories");
        foreach (var (id, score) in scorecard.Categories)
        {
            writer.WriteStartObject(id);
            writer.WriteString("title", OwaspCategory.Title(id));
            writer.WriteNumber("attempts", score.Attempts);
            writer.WriteNumber("stopped", score.Stopped);
            writer.WriteNumber("passRate", Math.Round(score.PassRate, 4));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("benign");
        writer.WriteNumber("total", scorecard.Benign.Total);
        writer.WriteNumber("refused", scorecard.Benign.Refused);
        writer.WriteStartArray("refusedIds");
        foreach (var id in scorecard.Benign.RefusedIds)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray("attacks");
        foreach (var attack in scorecard.Attacks)
        {
            writer.WriteStartObject();
            writer.WriteString("id", attack.Id);
            writer.WriteString("category", attack.Category);
            writer.WriteString("mutation", attack.Mutation);
            writer.WriteBoolean("stopped", attack.Stopped);
            writer.WriteString("reason", attack.Reason);
            if (attack.Status is { } status)
            {
                writer.WriteNumber("status", status);
            }
            else
            {
                writer.WriteNull("status");
            }

            writer.WriteNumber("ms", attack.Milliseconds);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
