using System.Buffers;
using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi;

/// <summary>
/// Presidio's recognizer model: patterns find candidates, a validator rejects impossible ones, context words nearby
/// raise the score. The public recognizers compose one of these and keep only their own patterns and rules.
/// </summary>
internal sealed class PatternRecognizer
{
    /// <summary>Added to the score when a context word is in the window (Presidio's context similarity factor).</summary>
    public const double ContextBoost = 0.35;

    /// <summary>Added instead when the context word labels the candidate directly ("MRN: 12345678").</summary>
    public const double AdjacentContextBoost = 0.5;

    private readonly SearchValues<char> _requiredChars;
    private readonly RecognizerPattern[] _patterns;
    private readonly ContextWords _context;
    private readonly CandidateValidator? _validator;

    /// <param name="name">Detector name reported in findings.</param>
    /// <param name="entityType">One of <see cref="EntityTypes"/>.</param>
    /// <param name="requiredChars">Every candidate contains one of these; a text with none of them is skipped unscanned.</param>
    /// <param name="patterns">Tried in order; when two give the same span, the higher score is kept.</param>
    /// <param name="context">Words that raise the score, and that <see cref="RecognizerPattern.RequiresContext"/> patterns need.</param>
    /// <param name="validator">
    /// Rejects or doubts candidates; null accepts every match. A pattern's own <see cref="RecognizerPattern.Validator"/> takes precedence.
    /// </param>
    public PatternRecognizer(
        string name,
        string entityType,
        string requiredChars,
        RecognizerPattern[] patterns,
        ContextWords context,
        CandidateValidator? validator = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrEmpty(requiredChars);
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(context);
        if (patterns.Length == 0)
        {
            throw new ArgumentException("A recognizer needs at least one pattern.", nameof(patterns));
        }

        foreach (var pattern in patterns)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(pattern.Score, nameof(patterns));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(pattern.Score, 1.0, nameof(patterns));
            if (pattern.Anchor is not null && !pattern.Regex.ToString().StartsWith(@"\G", StringComparison.Ordinal))
            {
                throw new ArgumentException($"The anchored pattern '{pattern.Description}' must begin with \\G.", nameof(patterns));
            }
        }

        Name = name;
        EntityType = entityType;
        _requiredChars = SearchValues.Create(requiredChars);
        _patterns = patterns;
        _context = context;
        _validator = validator;
    }

    public string Name { get; }

    public string EntityType { get; }

    internal IReadOnlyList<RecognizerPattern> Patterns => _patterns;

    /// <summary>Appends a finding for every accepted candidate in <paramref name="input"/>.</summary>
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);

        var text = input.Text;
        if (!text.AsSpan().ContainsAny(_requiredChars))
        {
            return;
        }

        var ownFindingsStart = findings.Count;
        Dictionary<(int Start, int Length), int>? earlierSpans = null;
        bool? contextInText = null;
        foreach (var pattern in _patterns)
        {
            if ((pattern.RequiresContext && !(contextInText ??= _context.AnyIn(text))) || (pattern.Precheck is { } precheck && !precheck(text)))
            {
                continue;
            }

            var patternFindingsStart = findings.Count;
            if (pattern.Anchor is { } anchor)
            {
                var from = 0;
                var matchedTo = 0;
                while (NextAnchoredMatch(pattern.Regex, anchor, text, ref from, ref matchedTo) is { } match)
                {
                    Add(findings, Evaluate(text, match.Index, match.Length, pattern), ownFindingsStart, patternFindingsStart, ref earlierSpans);
                }

                continue;
            }

            foreach (var match in pattern.Regex.EnumerateMatches(text))
            {
                Add(findings, Evaluate(text, match.Index, match.Length, pattern), ownFindingsStart, patternFindingsStart, ref earlierSpans);
            }
        }
    }

    /// <summary>
    /// The next match of an anchored pattern whose anchor lies at or after <paramref name="from"/> and that starts at or
    /// after <paramref name="matchedTo"/> (the end of the previous match): matches never overlap, as in a regex scan.
    /// </summary>
    internal static Match? NextAnchoredMatch(Regex regex, IPatternAnchor anchor, string text, ref int from, ref int matchedTo)
    {
        int start;
        while ((start = anchor.NextStart(text, ref from)) >= 0)
        {
            if (start >= matchedTo && regex.Match(text, start) is { Success: true } match)
            {
                matchedTo = match.Index + match.Length;
                from = Math.Max(from, matchedTo);
                return match;
            }
        }

        return null;
    }

    // One regex never matches a span twice, so only the findings of earlier patterns can share a span.
    private static void Add(
        List<Finding> findings, Finding? finding, int ownFindingsStart, int patternFindingsStart, ref Dictionary<(int Start, int Length), int>? earlierSpans)
    {
        if (finding is null)
        {
            return;
        }

        if (patternFindingsStart == ownFindingsStart)
        {
            findings.Add(finding);
            return;
        }

        earlierSpans = IndexSpans(findings, ownFindingsStart, patternFindingsStart, earlierSpans);
        AddOrKeepHigher(findings, earlierSpans, finding);
    }

    private Finding? Evaluate(string text, int start, int length, RecognizerPattern pattern)
    {
        var validator = pattern.Validator ?? _validator;
        var check = validator is null ? CandidateCheck.Unchecked : validator(text.AsSpan(start, length));
        if (!check.IsValid)
        {
            return null;
        }

        var context = _context.FindBefore(text, start);
        if ((pattern.RequiresContext || check.NeedsContext) && !context.Found)
        {
            return null;
        }

        var score = pattern.Score;
        if (context.Found)
        {
            score += context.IsAdjacent ? AdjacentContextBoost : ContextBoost;
        }

        score = Math.Round(Math.Min(1.0, score) * check.ScoreFactor, 2);
        return new Finding(EntityType, FindingCategory.Phi, start, length, score, Name, Explain(pattern, check, context));
    }

    // Built only from fixed vocabulary (pattern description, rule, configured context word): never from the text.
    private static string Explain(RecognizerPattern pattern, CandidateCheck check, ContextMatch context)
    {
        var explanation = check.Reason is null ? pattern.Description : $"{pattern.Description}, {check.Reason}";
        if (!context.Found)
        {
            return explanation;
        }

        var where = context.IsAdjacent ? "immediately before" : "nearby";
        return $"{explanation}, context word '{context.Word}' {where}";
    }

    // Spans of the findings in [from, to), by position in the list; extended, not rebuilt, as later patterns add findings.
    private static Dictionary<(int Start, int Length), int> IndexSpans(
        List<Finding> findings, int from, int to, Dictionary<(int Start, int Length), int>? spans)
    {
        spans ??= new Dictionary<(int Start, int Length), int>(to - from);
        if (spans.Count == to - from)
        {
            return spans;
        }

        for (var i = from; i < to; i++)
        {
            spans.TryAdd((findings[i].Start, findings[i].Length), i);
        }

        return spans;
    }

    // Two patterns of one recognizer may match the same span (e.g. "MRN-00123456" as labelled and as prefixed digits).
    // A hash lookup, not a scan: a long text can hold thousands of candidates.
    private static void AddOrKeepHigher(List<Finding> findings, Dictionary<(int Start, int Length), int> earlierSpans, Finding finding)
    {
        if (earlierSpans.TryGetValue((finding.Start, finding.Length), out var index))
        {
            if (finding.Score > findings[index].Score)
            {
                findings[index] = finding;
            }

            return;
        }

        findings.Add(finding);
    }
}
