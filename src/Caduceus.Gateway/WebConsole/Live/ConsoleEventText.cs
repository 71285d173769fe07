using System.Globalization;
using Caduceus.Events;

namespace Caduceus.Gateway.WebConsole.Live;

/// <summary>Short text for an event's entity counts, as the live table shows them (<c>SSN×1, NAME×2</c>).</summary>
internal static class ConsoleEventText
{
    public static string Entities(SecurityEvent e) =>
        string.Join(", ", e.EntityCounts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}×{pair.Value}")));
}
