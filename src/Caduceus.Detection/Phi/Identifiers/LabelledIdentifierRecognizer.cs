namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>
/// Finds identifiers by their labels: a label word ("member", "acct", "license", "plate", "serial", "fingerprint",
/// "case", "ID"), optional id markers and filler ("ID", "#", "number", ":", "is"), then an identifier-shaped value
/// (<c>Member ID: XJH123456789</c>, <c>acct # 0012-3345</c>, <c>DL: D1234567</c>, <c>S/N PJN123456</c>). The label
/// decides the entity type (health plan id, account, licence, vehicle, device, biometric, MRN or other id); the finding
/// covers the value only. A list after one label (<c>claims #: 55123, 55124</c>) gives one finding per value.
/// Label-first: one vectorized search for all labels, so a text without any costs a single pass.
/// </summary>
public sealed class LabelledIdentifierRecognizer : IDetector
{
    private const int MaxListedValues = 8;

    // Each piece of weaker evidence lowers the label's score by this much.
    private const double WeakLabelPenalty = 0.1;
    private const double FillerPenalty = 0.05;
    private const double ShortValuePenalty = 0.05;
    private const double ListedValuePenalty = 0.05;

    private readonly LabelTable _labels;

    /// <summary>A recognizer with every built-in label.</summary>
    public LabelledIdentifierRecognizer()
        : this(IdentifierLabels.Default)
    {
    }

    internal LabelledIdentifierRecognizer(LabelTable labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = labels;
    }

    /// <inheritdoc />
    public string Name => nameof(LabelledIdentifierRecognizer);

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);

        var text = input.Text.AsSpan();
        var labels = _labels.WordStarts.Scan(text);
        var from = 0;
        while (from < text.Length)
        {
            var at = labels.Next(from);
            if (at < 0)
            {
                return;
            }

            var label = _labels.LongestAt(text, at, out var labelEnd);
            from = label is not null && TryReport(text, label, at, labelEnd, findings, out var valuesEnd) ? valuesEnd : at + 1;
        }
    }

    private bool TryReport(ReadOnlySpan<char> text, IdentifierLabel label, int labelStart, int labelEnd, List<Finding> findings, out int valuesEnd)
    {
        valuesEnd = labelEnd;
        if (!LabelGap.TryRead(text, labelEnd, out var gap) || StartsAnotherLabel(text, gap.ValueStart))
        {
            return false;
        }

        // "MRN-00123456", "ID-4482": label and value written as one token; the finding covers the token, as the format
        // recognizers' do, rather than a part of it.
        var valueStart = gap.ValueStart == labelEnd + 1 && text[labelEnd] == '-' ? labelStart : gap.ValueStart;
        if (!ReadValue(text, label, valueStart, gap.IsDirect, out var value))
        {
            return false;
        }

        var score = label.Score;
        var weakWithoutMarker = label.IsWeak && !gap.HasMarker;
        if (weakWithoutMarker)
        {
            // "policy 2024", "serial 12": a weak label needs a marker or a value that looks like an identifier itself.
            if (!value.LooksLikeIdentifier)
            {
                return false;
            }

            score -= WeakLabelPenalty;
        }

        if (label.IsWeak && value.IsYear(text))
        {
            return false;
        }

        if (gap.HasFiller)
        {
            score -= FillerPenalty;
        }

        if (!value.LooksLikeIdentifier)
        {
            score -= ShortValuePenalty;
        }

        findings.Add(Report(label, value, score, Explain(label, weakWithoutMarker, listed: false)));
        valuesEnd = value.End;

        // "claim #s 55123, 55124 and 55125": further values after one label must look like identifiers themselves.
        for (var listed = 1; listed < MaxListedValues; listed++)
        {
            var next = NextListedValueStart(text, valuesEnd);
            if (next < 0 || StartsAnotherLabel(text, next) || !IdentifierValue.TryRead(text, next, letterPrefix: false, out var more) || !more.LooksLikeIdentifier)
            {
                break;
            }

            findings.Add(Report(label, more, score - ListedValuePenalty, Explain(label, weakWithoutMarker, listed: true)));
            valuesEnd = more.End;
        }

        return true;
    }

    // A label with a value form of its own ("plate 519 SYF") tries it before the generic reader.
    private static bool ReadValue(ReadOnlySpan<char> text, IdentifierLabel label, int start, bool letterPrefix, out IdentifierValue value) =>
        (label.ReadValue is { } read && read(text, start, out value)) || IdentifierValue.TryRead(text, start, letterPrefix, out value);

    // "Medicare MBI 1EG4-TE5-MK73", "NPI 1234567893, DEA AB1234563": the next label, not this one, names the value.
    private bool StartsAnotherLabel(ReadOnlySpan<char> text, int at) => _labels.LongestAt(text, at, out _) is not null;

    private Finding Report(IdentifierLabel label, IdentifierValue value, double score, string explanation) =>
        new(label.EntityType, FindingCategory.Phi, value.Start, value.Length, Math.Round(Math.Clamp(score, 0, 1), 2), Name, explanation);

    // ", ", "; ", " and ", " or ", " & ", " / " between two values of a list.
    private static int NextListedValueStart(ReadOnlySpan<char> text, int end)
    {
        var i = end;
        var sawSeparator = false;
        while (i < text.Length && i - end <= 6)
        {
            var c = text[i];
            if (c == ' ')
            {
                i++;
            }
            else if (!sawSeparator && c is ',' or ';' or '&' or '/')
            {
                sawSeparator = true;
                i++;
            }
            else if (!sawSeparator && (StartsWord(text[i..], "and") || StartsWord(text[i..], "or")))
            {
                sawSeparator = true;
                i += text[i] is 'a' or 'A' ? 3 : 2;
            }
            else
            {
                return sawSeparator && char.IsAsciiLetterOrDigit(c) ? i : -1;
            }
        }

        return -1;
    }

    private static bool StartsWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || text[word.Length] == ' ');

    // Built from the label table only: never from the text.
    private static string Explain(IdentifierLabel label, bool weakWithoutMarker, bool listed)
    {
        var explanation = $"identifier value after the label '{label.Phrase}'";
        if (weakWithoutMarker)
        {
            explanation += ", shaped like an identifier";
        }

        return listed ? explanation + ", in a list after the label" : explanation;
    }
}
