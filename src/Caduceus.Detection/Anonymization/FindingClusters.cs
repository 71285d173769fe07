namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Turns findings into the non-overlapping stretches an operator replaces. Findings that overlap or touch become one
/// stretch covering all of them, so a replacement never leaves a fragment of a value behind; the stretch takes the
/// type of its highest-scoring finding. Zero-length findings (about the text as a whole) are ignored.
/// </summary>
internal static class FindingClusters
{
    /// <summary>The stretches in text order, or null when no finding covers any character.</summary>
    /// <exception cref="ArgumentException">A finding is null or its span lies outside <paramref name="text"/>.</exception>
    public static List<FindingCluster>? Build(string text, IReadOnlyList<Finding> findings)
    {
        var spans = SpansInOrder(text, findings);
        if (spans is null)
        {
            return null;
        }

        var clusters = new List<FindingCluster>();
        var start = spans[0].Start;
        var end = spans[0].End;
        var winner = spans[0];
        for (var i = 1; i < spans.Length; i++)
        {
            var next = spans[i];
            if (next.Start <= end)
            {
                end = Math.Max(end, next.End);
                if (next.Score > winner.Score)
                {
                    winner = next;
                }

                continue;
            }

            clusters.Add(new FindingCluster(start, end, winner));
            start = next.Start;
            end = next.End;
            winner = next;
        }

        clusters.Add(new FindingCluster(start, end, winner));
        return clusters;
    }

    /// <summary>Non-empty findings sorted by start (longer first), or null when there are none.</summary>
    private static Finding[]? SpansInOrder(string text, IReadOnlyList<Finding> findings)
    {
        var count = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i] ?? throw new ArgumentException($"Finding {i} is null.", nameof(findings));

            // Offsets and the entity type only: an exception message must never carry the text.
            if (finding.Start < 0 || finding.Length < 0 || finding.Start > text.Length - finding.Length)
            {
                throw new ArgumentException(
                    $"Finding {i} ({finding.EntityType}) spans [{finding.Start}, {finding.Start + (long)finding.Length}), outside a text of length {text.Length}.",
                    nameof(findings));
            }

            if (finding.Length > 0)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return null;
        }

        var spans = new Finding[count];
        count = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Length > 0)
            {
                spans[count++] = findings[i];
            }
        }

        Array.Sort(spans, FindingOrder.Instance);
        return spans;
    }
}
