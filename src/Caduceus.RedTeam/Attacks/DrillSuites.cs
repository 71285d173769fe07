namespace Caduceus.RedTeam.Attacks;

/// <summary>Suite names for <c>redteam --suite</c>: one per OWASP category, by slug or by id, or <c>default</c> for all.</summary>
public static class DrillSuites
{
    public const string Default = "default";

    private static readonly Dictionary<string, string> Slugs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["prompt-injection"] = OwaspCategory.PromptInjection,
        ["sensitive-information"] = OwaspCategory.SensitiveInformationDisclosure,
        ["output-handling"] = OwaspCategory.ImproperOutputHandling,
        ["excessive-agency"] = OwaspCategory.ExcessiveAgency,
        ["system-prompt-leakage"] = OwaspCategory.SystemPromptLeakage,
        ["unbounded-consumption"] = OwaspCategory.UnboundedConsumption,
    };

    /// <summary>Every suite name, for help text and errors.</summary>
    public static IReadOnlyList<string> Names { get; } = [Default, .. Slugs.Keys];

    /// <summary>The OWASP ids the names select; false with an error naming the first unknown suite.</summary>
    public static bool TryResolve(IEnumerable<string> names, out IReadOnlySet<string> categories, out string? error)
    {
        var selected = new HashSet<string>(StringComparer.Ordinal);
        error = null;
        foreach (var name in names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (string.Equals(name, Default, StringComparison.OrdinalIgnoreCase))
            {
                selected.UnionWith(OwaspCategory.All);
                continue;
            }

            var id = Slugs.GetValueOrDefault(name) ?? OwaspCategory.All.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (id is null)
            {
                categories = selected;
                error = $"unknown suite '{name}'; known: {string.Join(", ", Names)} or an OWASP id ({string.Join(", ", OwaspCategory.All)})";
                return false;
            }

            selected.Add(id);
        }

        categories = selected.Count == 0 ? new HashSet<string>(OwaspCategory.All, StringComparer.Ordinal) : selected;
        return true;
    }
}
