using System.Text.Json;
using Caduceus.Events;

namespace Caduceus.Gateway.WebConsole.Live;

/// <summary>The live stream's view of an event: ids, types, codes and counts (events carry nothing else).</summary>
internal static class ConsoleEventJson
{
    public static string Serialize(SecurityEvent e)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", e.Id);
            writer.WriteString("time", e.Time.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("type", e.Type);
            writer.WriteString("code", e.Code ?? string.Empty);
            writer.WriteString("application", e.Application ?? string.Empty);
            writer.WriteString("principal", e.Principal ?? string.Empty);
            writer.WriteString("route", e.Route ?? string.Empty);
            writer.WriteString("entities", ConsoleEventText.Entities(e));
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
