using System.Text;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Replaces the spans of findings with their type label, e.g. <c>"SSN 123-45-6789"</c> becomes <c>"SSN [SSN]"</c>.
/// Overlapping or touching spans become one label (the type of the highest-scoring finding among them), so a label
/// never leaves a fragment of a value behind. Zero-length findings (about the text as a whole) are ignored.
/// </summary>
public static class RedactOperator
{
    /// <summary>The redacted text; <paramref name="text"/> itself when nothing is to be replaced.</summary>
    /// <exception cref="ArgumentException">A finding is null or its span lies outside <paramref name="text"/>.</exception>
    public static string Apply(string text, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);

        var spans = SpansInOrder(text, findings);
        if (spans is null)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        var groupStart = spans[0].Start;
        var groupEnd = spans[0].End;
        var label = spans[0];
        for (var i = 1; i < spans.Length; i++)
        {
            var next = spans[i];
            if (next.Start <= groupEnd)
            {
                groupEnd = Math.Max(groupEnd, next.End);
                if (next.Score > label.Score)
                {
                    label = next;
                }

                continue;
            }

            copied = AppendLabel(result, text, copied, groupStart, groupEnd, label.EntityType);
            groupStart = next.Start;
            groupEnd = next.End;
            label = next;
        }

        copied = AppendLabel(result, text, copied, groupStart, groupEnd, label.EntityType);
        result.Append(text, copied, text.Length - copied);
        return result.ToString();
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

    /// <summary>Copies the text up to <paramref name="start"/>, then the label; returns where copying resumes.</summary>
    private static int AppendLabel(StringBuilder result, string text, int copied, int start, int end, string entityType)
    {
        result.Append(text, copied, start - copied).Append('[').Append(entityType).Append(']');
        return end;
    }
}
