using System.Globalization;

namespace Caduceus.Gateway.Incidents;

/// <summary>An incident event's entity counts as the stores keep them: <c>TYPE=count</c> pairs joined by <c>;</c>, in ordinal order.</summary>
internal static class EntityCountsText
{
    public static string Format(IReadOnlyDictionary<string, int> counts) =>
        string.Join(';', counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value.ToString(CultureInfo.InvariantCulture)}"));

    public static Dictionary<string, int> Parse(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
