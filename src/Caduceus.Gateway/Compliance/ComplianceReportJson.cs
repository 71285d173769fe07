using System.Text;
using System.Text.Json;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// A report as JSON: <c>framework</c>, <c>title</c>, <c>generated_at</c>, <c>configuration_source</c>,
/// <c>period_start</c>, <c>summary</c> (counts by status) and <c>controls</c> (id, title, status, reason, evidence).
/// </summary>
public static class ComplianceReportJson
{
    public static string Write(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("framework", report.Framework.Name);
            writer.WriteString("title", report.Framework.Title);
            writer.WriteString("generated_at", report.GeneratedAt.UtcDateTime);
            writer.WriteString("configuration_source", report.ConfigurationSource);
            writer.WriteString("period_start", report.PeriodStart.UtcDateTime);
            writer.WriteStartObject("summary");
            writer.WriteNumber("controls", report.Controls.Count);
            foreach (var status in Enum.GetValues<ControlStatus>())
            {
                writer.WriteNumber(ControlStatusText.Of(status), report.Count(status));
            }

            writer.WriteEndObject();
            writer.WriteStartArray("controls");
            foreach (var control in report.Controls)
            {
                WriteControl(writer, control);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteControl(Utf8JsonWriter writer, ControlResult control)
    {
        writer.WriteStartObject();
        writer.WriteString("id", control.Id);
        writer.WriteString("title", control.Title);
        writer.WriteString("status", ControlStatusText.Of(control.Status));
        writer.WriteString("reason", control.Reason);
        writer.WriteStartArray("evidence");
        foreach (var item in control.Evidence)
        {
            writer.WriteStartObject();
            writer.WriteString("name", item.Name);
            writer.WriteString("value", item.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
