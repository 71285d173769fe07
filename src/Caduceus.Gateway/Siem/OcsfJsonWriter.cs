using System.Text.Json;
using Caduceus.Events;

namespace Caduceus.Gateway.Siem;

/// <summary>
/// One security event as a JSON object with its OCSF class (<c>class_uid</c>, <c>category_uid</c>, <c>severity_id</c>,
/// <c>metadata.uid</c> = the event id) and the event's own fields, the shape the Splunk exporter sends. Ids, types,
/// codes and counts only: nothing here can hold PHI.
/// </summary>
internal static class OcsfJsonWriter
{
    public static void Write(Utf8JsonWriter writer, SecurityEvent securityEvent)
    {
        var ocsf = OcsfClass.Of(securityEvent);
        writer.WriteStartObject();
        writer.WriteStartObject("metadata");
        writer.WriteString("uid", securityEvent.Id);
        writer.WriteString("version", "1.3.0");
        writer.WriteStartObject("product");
        writer.WriteString("name", "Caduceus Gateway");
        writer.WriteString("vendor_name", "Caduceus");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteNumber("time", securityEvent.Time.ToUnixTimeMilliseconds());
        writer.WriteNumber("class_uid", ocsf.ClassUid);
        writer.WriteString("class_name", ocsf.ClassName);
        writer.WriteNumber("category_uid", ocsf.CategoryUid);
        writer.WriteNumber("severity_id", ocsf.SeverityId);
        WriteFields(writer, securityEvent);
        writer.WriteEndObject();
    }

    /// <summary>The event's own fields, shared by every JSON exporter.</summary>
    public static void WriteFields(Utf8JsonWriter writer, SecurityEvent securityEvent)
    {
        writer.WriteString("event_id", securityEvent.Id);
        writer.WriteString("event_type", securityEvent.Type);
        WriteOptional(writer, "code", securityEvent.Code);
        WriteOptional(writer, "application", securityEvent.Application);
        WriteOptional(writer, "principal", securityEvent.Principal);
        WriteOptional(writer, "route", securityEvent.Route);
        WriteEntityCounts(writer, "entity_counts", securityEvent);
        writer.WriteStartArray("detectors");
        foreach (var detector in securityEvent.Detectors)
        {
            writer.WriteStringValue(detector);
        }

        writer.WriteEndArray();
    }

    public static void WriteEntityCounts(Utf8JsonWriter writer, string name, SecurityEvent securityEvent)
    {
        writer.WriteStartObject(name);
        foreach (var (entityType, count) in securityEvent.EntityCounts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(entityType, count);
        }

        writer.WriteEndObject();
    }

    public static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
