using System.Text.Json;
using Caduceus.Events;

namespace Caduceus.Gateway.Siem.Elastic;

/// <summary>
/// One security event as an Elastic Common Schema document: <c>@timestamp</c>, <c>event.*</c> (id, kind, category,
/// type, action, code, outcome, severity), <c>user.id</c>, <c>url.path</c>, <c>observer</c>, and the counts and
/// OCSF class under <c>caduceus.*</c>. No field can hold PHI.
/// </summary>
internal static class EcsDocumentWriter
{
    public const string EcsVersion = "8.11.0";

    public static void Write(Utf8JsonWriter writer, SecurityEvent securityEvent)
    {
        var ocsf = OcsfClass.Of(securityEvent);
        writer.WriteStartObject();
        writer.WriteString("@timestamp", securityEvent.Time.UtcDateTime);
        writer.WriteStartObject("ecs");
        writer.WriteString("version", EcsVersion);
        writer.WriteEndObject();

        writer.WriteStartObject("event");
        writer.WriteString("id", securityEvent.Id);
        writer.WriteString("kind", ocsf.ClassUid == 2004 ? "alert" : "event");
        WriteOne(writer, "category", ocsf.ClassUid switch { 2004 => "intrusion_detection", 3002 => "authentication", _ => "web" });
        WriteOne(writer, "type", EventType(securityEvent.Type));
        writer.WriteString("action", securityEvent.Type);
        OcsfJsonWriter.WriteOptional(writer, "code", securityEvent.Code);
        writer.WriteString("outcome", Outcome(securityEvent.Type));
        writer.WriteNumber("severity", ocsf.SeverityId);
        writer.WriteString("module", "caduceus");
        writer.WriteString("dataset", "caduceus.security");
        writer.WriteEndObject();

        if (securityEvent.Principal is not null)
        {
            writer.WriteStartObject("user");
            writer.WriteString("id", securityEvent.Principal);
            writer.WriteEndObject();
        }

        if (securityEvent.Route is not null)
        {
            writer.WriteStartObject("url");
            writer.WriteString("path", securityEvent.Route);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("observer");
        writer.WriteString("vendor", "Caduceus");
        writer.WriteString("product", "Caduceus Gateway");
        writer.WriteString("type", "gateway");
        writer.WriteEndObject();

        if (securityEvent.Application is not null)
        {
            writer.WriteStartObject("labels");
            writer.WriteString("application", securityEvent.Application);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("caduceus");
        OcsfJsonWriter.WriteEntityCounts(writer, "entity_counts", securityEvent);
        writer.WriteStartArray("detectors");
        foreach (var detector in securityEvent.Detectors)
        {
            writer.WriteStringValue(detector);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("ocsf");
        writer.WriteNumber("class_uid", ocsf.ClassUid);
        writer.WriteNumber("category_uid", ocsf.CategoryUid);
        writer.WriteNumber("severity_id", ocsf.SeverityId);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteOne(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartArray(name);
        writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static string EventType(string type) =>
        type.EndsWith(".blocked", StringComparison.Ordinal) || type.EndsWith(".denied", StringComparison.Ordinal) || type.EndsWith(".refused", StringComparison.Ordinal) ? "denied"
        : type.EndsWith(".redacted", StringComparison.Ordinal) || type.EndsWith(".restored", StringComparison.Ordinal) || type.EndsWith(".changed", StringComparison.Ordinal) ? "change"
        : type.EndsWith(".succeeded", StringComparison.Ordinal) ? "allowed"
        : "info";

    private static string Outcome(string type) =>
        type.EndsWith(".succeeded", StringComparison.Ordinal) || type.EndsWith(".redacted", StringComparison.Ordinal) || type.EndsWith(".restored", StringComparison.Ordinal) ? "success"
        : type.EndsWith(".changed", StringComparison.Ordinal) ? "unknown"
        : "failure";
}
