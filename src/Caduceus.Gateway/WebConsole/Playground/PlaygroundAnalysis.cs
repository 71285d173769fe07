using Caduceus.Detection;
using Caduceus.Policy;

namespace Caduceus.Gateway.WebConsole.Playground;

/// <summary>
/// Turns a text and its findings into highlighted segments and a findings list. Masked unless
/// asked to reveal: each finding's characters become <c>[TYPE]</c>, so a value reaches the page only for
/// someone allowed to see it.
/// </summary>
internal static class PlaygroundAnalysis
{
    public static (IReadOnlyList<PlaygroundSegment> Segments, IReadOnlyList<PlaygroundFinding> Findings) Build(
        string text, IReadOnlyList<Finding> findings, DirectionPolicy policy, bool reveal)
    {
        var rows = findings.OrderBy(f => f.Start)
            .Select(f => new PlaygroundFinding(f.EntityType, f.Category.ToString(), f.Start, f.End, Math.Round(f.Score, 2), policy.ActionFor(f).ToString(), f.Detector, f.Explanation))
            .ToArray();

        // Spans to highlight: the longest first at each place, overlaps dropped (the list above keeps them all).
        var spans = new List<Finding>();
        foreach (var finding in findings.Where(f => f.Length > 0 && f.End <= text.Length).OrderBy(f => f.Start).ThenByDescending(f => f.Length))
        {
            if (spans.Count == 0 || spans[^1].End <= finding.Start)
            {
                spans.Add(finding);
            }
        }

        var segments = new List<PlaygroundSegment>();
        var position = 0;
        foreach (var span in spans)
        {
            if (span.Start > position)
            {
                segments.Add(new PlaygroundSegment(text[position..span.Start]));
            }

            segments.Add(new PlaygroundSegment(reveal ? text[span.Start..span.End] : $"[{span.EntityType}]", span.EntityType, policy.ActionFor(span).ToString()));
            position = span.End;
        }

        if (position < text.Length)
        {
            segments.Add(new PlaygroundSegment(text[position..]));
        }

        return (segments, rows);
    }
}
