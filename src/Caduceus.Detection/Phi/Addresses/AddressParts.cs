namespace Caduceus.Detection.Phi.Addresses;

/// <summary>
/// Joins address findings that follow each other with only a comma or spaces between them ("123 Main St" and
/// "Springfield, IL 62704"), so an address is one finding, as it is one identifier.
/// </summary>
internal static class AddressParts
{
    private const int MaxGap = 3;

    /// <summary>Merges adjacent findings among <paramref name="findings"/> from index <paramref name="from"/> on.</summary>
    public static void MergeAdjacent(string text, List<Finding> findings, int from)
    {
        if (findings.Count - from < 2)
        {
            return;
        }

        findings.Sort(from, findings.Count - from, Comparer<Finding>.Create((a, b) => a.Start.CompareTo(b.Start)));
        var kept = from;
        for (var i = from + 1; i < findings.Count; i++)
        {
            var last = findings[kept];
            var next = findings[i];
            if (next.Start >= last.End && next.Start - last.End <= MaxGap && IsSeparator(text.AsSpan(last.End, next.Start - last.End)))
            {
                var end = Math.Max(last.End, next.End);
                findings[kept] = last with
                {
                    Length = end - last.Start,
                    Score = Math.Max(last.Score, next.Score),
                    Explanation = $"{last.Explanation}; {next.Explanation}",
                };
            }
            else
            {
                findings[++kept] = next;
            }
        }

        findings.RemoveRange(kept + 1, findings.Count - kept - 1);
    }

    private static bool IsSeparator(ReadOnlySpan<char> gap) => !gap.ContainsAnyExcept(" ,\t\r\n");
}
