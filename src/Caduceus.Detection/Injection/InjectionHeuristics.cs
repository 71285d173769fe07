using Caduceus.Detection.Injection.Normalization;

namespace Caduceus.Detection.Injection;

/// <summary>
/// Scores a text for prompt injection and jailbreak attempts with weighted, explainable signals (instruction override,
/// persona jailbreak, system prompt extraction, fake chat-template tokens, exfiltration through images, ...).
/// The signals run on the text and on every view <see cref="PromptNormalizer"/> derives from it (Unicode-folded,
/// leetspeak-folded, decoded from base64, hex, URL encoding, rot13, tag characters or variation selectors); a signal
/// that fires only in a view counts the same, over the part of the text the view stands for, and adds
/// <c>obfuscated_instruction</c> or <c>encoded_instruction</c>. The evasion techniques themselves (hidden characters,
/// bidirectional controls, look-alike letters, smuggled text) add signals of their own (<see cref="EvasionSignals"/>).
/// Signals that fire combine as <c>1 - Π(1 - weight)</c>: independent weak signs add up, and no number of them
/// reaches 1. Reports at most one finding per text, covering the first to the last matched signal, when the combined
/// score is at least 0.3; the explanation names the signals, never the text.
/// </summary>
public sealed class InjectionHeuristics : IDetector
{
    /// <summary>Below this combined score nothing is reported: a lone weak signal is noise, not evidence.</summary>
    internal const double ReportThreshold = 0.3;

    // Where a signal fired, as bits: in the text itself, in a folded view, in decoded text.
    private const byte InText = 1;
    private const byte InFoldedView = 2;
    private const byte InDecodedView = 4;

    private readonly InjectionSignal[] _signals;
    private readonly PromptNormalizer _normalizer;

    /// <summary>The built-in signals with their default weights.</summary>
    public InjectionHeuristics()
        : this(InjectionSignals.All)
    {
    }

    internal InjectionHeuristics(InjectionSignal[] signals)
        : this(signals, PromptNormalizer.Default)
    {
    }

    internal InjectionHeuristics(InjectionSignal[] signals, PromptNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(normalizer);
        _signals = signals;
        _normalizer = normalizer;
    }

    /// <inheritdoc />
    public string Name => nameof(InjectionHeuristics);

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);

        var text = input.Text;
        Span<byte> fired = _signals.Length <= 64 ? stackalloc byte[_signals.Length] : new byte[_signals.Length];
        Span<bool> evasions = stackalloc bool[EvasionSignals.Techniques.Length];
        var tally = new Tally();
        for (var i = 0; i < _signals.Length; i++)
        {
            var signal = _signals[i];
            if (signal.TryMatch(text, out var signalStart, out var signalEnd))
            {
                fired[i] = InText;
                tally.Add(signal.Weight, signalStart, signalEnd);
            }
        }

        var obfuscated = false;
        var encoded = false;
        if (_normalizer.TryNormalize(text, out var normalized))
        {
            ScanViews(normalized.Views, fired, ref tally);
            foreach (var how in fired)
            {
                obfuscated |= (how & InText) == 0 && (how & InFoldedView) != 0;
                encoded |= (how & InText) == 0 && (how & InDecodedView) != 0;
            }

            if (obfuscated)
            {
                tally.Add(EvasionSignals.ObfuscatedInstruction.Weight);
            }

            if (encoded)
            {
                tally.Add(EvasionSignals.EncodedInstruction.Weight);
            }

            for (var i = 0; i < evasions.Length; i++)
            {
                var evasion = EvasionSignals.Techniques[i];
                if (normalized.TryGetSpan(evasion.Technique, out var evasionStart, out var evasionEnd))
                {
                    evasions[i] = true;
                    tally.Add(evasion.Weight, evasionStart, evasionEnd);
                }
            }
        }

        var score = Math.Round(1.0 - tally.NotAttack, 2);
        if (tally.Count == 0 || score < ReportThreshold)
        {
            return;
        }

        findings.Add(new Finding(
            EntityTypes.PromptInjection,
            FindingCategory.Injection,
            tally.Start,
            tally.End - tally.Start,
            score,
            Name,
            Explain(fired, evasions, obfuscated, encoded, tally.Count)));
    }

    // Runs the signals that did not fire in the text itself on each view. A view's match covers what the view stands for.
    // A signal already found in a view of the same sort (folded or decoded) within the span found so far has nothing to
    // add and is not run again.
    private void ScanViews(IReadOnlyList<PromptView> views, Span<byte> fired, ref Tally tally)
    {
        foreach (var view in views)
        {
            var sort = view.IsDecoded ? InDecodedView : InFoldedView;
            var covered = tally.Start <= view.Start && view.End <= tally.End;
            for (var i = 0; i < _signals.Length; i++)
            {
                if ((fired[i] & InText) != 0 || ((fired[i] & sort) != 0 && covered) || !_signals[i].TryMatch(view.Text, out _, out _))
                {
                    continue;
                }

                if (fired[i] == 0)
                {
                    tally.Add(_signals[i].Weight, view.Start, view.End);
                }
                else
                {
                    tally.Cover(view.Start, view.End);
                }

                fired[i] |= sort;
            }
        }
    }

    private string Explain(ReadOnlySpan<byte> fired, ReadOnlySpan<bool> evasions, bool obfuscated, bool encoded, int count)
    {
        var names = new string[count];
        var n = 0;
        for (var i = 0; i < fired.Length; i++)
        {
            if (fired[i] != 0)
            {
                names[n++] = _signals[i].Name;
            }
        }

        for (var i = 0; i < evasions.Length; i++)
        {
            if (evasions[i])
            {
                names[n++] = EvasionSignals.Techniques[i].Name;
            }
        }

        if (obfuscated)
        {
            names[n++] = EvasionSignals.ObfuscatedInstruction.Name;
        }

        if (encoded)
        {
            names[n++] = EvasionSignals.EncodedInstruction.Name;
        }

        return "signals: " + string.Join(", ", names);
    }

    // The running combination of fired signals and the span they cover.
    private struct Tally()
    {
        public double NotAttack { get; private set; } = 1.0;

        public int Count { get; private set; }

        public int Start { get; private set; } = int.MaxValue;

        public int End { get; private set; } = -1;

        public void Add(double weight)
        {
            NotAttack *= 1.0 - weight;
            Count++;
        }

        public void Add(double weight, int start, int end)
        {
            Add(weight);
            Cover(start, end);
        }

        public void Cover(int start, int end)
        {
            Start = Math.Min(Start, start);
            End = Math.Max(End, end);
        }
    }
}
