namespace Caduceus.Detection.Phi;

/// <summary>
/// Drops a recognizer's findings that lie inside a longer one of the same type, when two of its forms match parts of
/// one entity ("March 1962" inside "14th of March 1962"): the entity is reported once, whole.
/// </summary>
internal static class NestedFindings
{
    /// <summary>Removes, among <paramref name="findings"/> from index <paramref name="from"/> on, those inside another of them.</summary>
    public static void Remove(List<Finding> findings, int from)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var kept = from;
        for (var i = from; i < findings.Count; i++)
        {
            if (!IsInsideAnother(findings, from, i))
            {
                findings[kept++] = findings[i];
            }
        }

        findings.RemoveRange(kept, findings.Count - kept);
    }

    // Of two findings on the same span, the higher-scoring one stays (the earlier one on a tie).
    private static bool IsInsideAnother(List<Finding> findings, int from, int index)
    {
        var finding = findings[index];
        for (var j = from; j < findings.Count; j++)
        {
            var other = findings[j];
            if (j == index || other.EntityType != finding.EntityType || other.Start > finding.Start || other.End < finding.End)
            {
                continue;
            }

            if (other.Length > finding.Length || other.Score > finding.Score || (other.Score == finding.Score && j < index))
            {
                return true;
            }
        }

        return false;
    }
}
