using System.Text;
using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.Pipeline;
using Caduceus.Policy;

namespace Caduceus.Gateway.Streaming;

/// <summary>
/// Inspects one streamed answer (one choice) as it arrives. Text is released only after it has been inspected,
/// and never in a way that splits an identifier: what might still grow is held back (see <see cref="StreamHoldback"/>)
/// and a finding that straddles the release point moves the point before it.
/// </summary>
/// <remarks>
/// Text is inspected in batches (see <see cref="StreamInspectionBatch"/>): a delta that does not complete a batch
/// is only held, and <see cref="ReleaseDue"/> inspects a batch whose time is up while the model pauses.
/// With a canary (see <see cref="CanaryToken"/>), an answer that repeats it is stopped, and text that could be the
/// start of the canary is held back until the next delta settles it.
/// </remarks>
internal sealed class StreamingTextInspector(ITextAnalyzer analyzer, DirectionPolicy policy, CanaryToken? canary = null, Func<string, FindingEscalation?>? escalationFor = null, StreamInspectionBatch? batch = null)
{
    /// <summary>Released text kept as left context, so context words such as "MRN" before a number still count.</summary>
    private const int ContextLength = 64;

    private readonly StringBuilder _pending = new();
    private readonly StreamInspectionBatch _batch = batch ?? StreamInspectionBatch.EveryDelta();
    private string _context = string.Empty;

    /// <summary>Findings acted on so far (redacted or blocking), for the security event.</summary>
    public List<Finding> ActedOn { get; } = [];

    /// <summary>Set once policy has blocked this answer; nothing more is released.</summary>
    public string? RefusalCode { get; private set; }

    /// <summary>How long until held text is due for inspection by time alone; null when none is waiting.</summary>
    public TimeSpan? TimeUntilDue => RefusalCode is null ? _batch.TimeUntilDue : null;

    /// <summary>Adds a delta and returns what may now be sent to the client (possibly empty).</summary>
    public string Push(string delta)
    {
        _pending.Append(delta);
        return _batch.Add(delta.Length) ? Release(final: false) : string.Empty;
    }

    /// <summary>Inspects the held batch if it is due (the model paused) and returns what may now be sent.</summary>
    public string ReleaseDue() => _batch.IsDue ? Release(final: false) : string.Empty;

    /// <summary>The answer is complete: returns everything still held, inspected.</summary>
    public string Flush() => Release(final: true);

    private string Release(bool final)
    {
        _batch.Clear();
        if (RefusalCode is not null || _pending.Length == 0)
        {
            return string.Empty;
        }

        var pending = _pending.ToString();
        if (canary is not null && canary.IndexIn(_context + pending) is >= 0 and var leakAt)
        {
            RefusalCode = RefusalCodes.SystemPromptLeak;
            ActedOn.Add(canary.FindingAt(Math.Max(0, leakAt - _context.Length)));
            _pending.Clear();
            return string.Empty;
        }

        var releaseLength = final ? pending.Length : StreamHoldback.SafeLength(pending);
        if (!final && canary is not null)
        {
            releaseLength = Math.Min(releaseLength, pending.Length - canary.PartialLengthAtEnd(pending));
        }

        if (releaseLength == 0)
        {
            return string.Empty;
        }

        var offset = _context.Length;
        var findings = analyzer.Analyze(new DetectionInput(_context + pending, TextSource.ModelOutput));
        releaseLength = MoveBeforeStraddlingFindings(findings, offset, releaseLength);
        if (releaseLength == 0)
        {
            return string.Empty;
        }

        var released = ReleasedFindings(findings, offset, releaseLength);
        var decision = PolicyEvaluator.Decide(policy, released, escalationFor?.Invoke(pending[..releaseLength]));
        if (decision.Action == PolicyAction.Block)
        {
            RefusalCode = decision.RefusalCode;
            ActedOn.AddRange(decision.Blocking);
            _pending.Clear();
            return string.Empty;
        }

        var original = pending[..releaseLength];
        var output = original;
        if (decision.Transforms.Count > 0)
        {
            // Answers are never pseudonymized (the validator refuses that policy): every transformation redacts.
            var redactions = decision.TransformedFindings;
            ActedOn.AddRange(redactions);
            output = RedactOperator.Apply(original, redactions);
        }

        var context = _context + original;
        _context = context.Length > ContextLength ? context[^ContextLength..] : context;
        _pending.Remove(0, releaseLength);
        return output;
    }

    private static int MoveBeforeStraddlingFindings(IReadOnlyList<Finding> findings, int offset, int releaseLength)
    {
        bool moved;
        do
        {
            moved = false;
            var cut = offset + releaseLength;
            foreach (var finding in findings)
            {
                if (finding.Length > 0 && finding.Start < cut && finding.End > cut && finding.Start >= offset)
                {
                    releaseLength = finding.Start - offset;
                    moved = true;
                    break;
                }
            }
        }
        while (moved && releaseLength > 0);

        return releaseLength;
    }

    /// <summary>
    /// Findings inside the part being released, in its coordinates. A finding that begins in already released
    /// context is clipped to its unreleased part: the released part cannot be recalled, the rest can still be hidden.
    /// </summary>
    private static List<Finding> ReleasedFindings(IReadOnlyList<Finding> findings, int offset, int releaseLength)
    {
        var result = new List<Finding>();
        var end = offset + releaseLength;
        foreach (var finding in findings)
        {
            if (finding.End <= offset || finding.Start >= end)
            {
                continue;
            }

            var start = Math.Max(finding.Start, offset);
            var stop = Math.Min(finding.End, end);
            result.Add(finding with { Start = start - offset, Length = stop - start });
        }

        return result;
    }
}
