namespace Caduceus.Detection.Phi;

/// <summary>
/// Drops a recognizer's findings that lie inside a longer one, when two of its forms match parts of one entity
/// ("March 1962" inside "14th of March 1962"): the entity is reported once, whole. Meant for the findings of one
/// recognizer, which all have one entity type.
/// </summary>
internal static class NestedFindings
{
    // Start ascending, then longer first, then higher score first: a finding is nested when an earlier one reaches as far.
    private static readonly Comparer<Finding> ByStartLongestFirst = Comparer<Finding>.Create((a, b) =>
    {
        var order = a.Start.CompareTo(b.Start);
        if (order == 0)
        {
            order = b.Length.CompareTo(a.Length);
        }

        return order != 0 ? order : b.Score.CompareTo(a.Score);
    });

    /// <summary>
    /// Removes, among <paramref name="findings"/> from index <paramref name="from"/> on, those inside another of them
    /// (of two on the same span, the lower-scoring one). Leaves that range sorted by start. O(n log n).
    /// </summary>
    public static void Remove(List<Finding> findings, int from)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count - from < 2)
        {
            return;
        }

        findings.Sort(from, findings.Count - from, ByStartLongestFirst);
        var kept = from;
        var reach = findings[from].End;
        for (var i = from + 1; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (finding.End <= reach)
            {
                continue;
            }

            reach = finding.End;
            findings[++kept] = finding;
        }

        findings.RemoveRange(kept + 1, findings.Count - kept - 1);
    }
}
