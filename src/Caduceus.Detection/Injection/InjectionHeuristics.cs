namespace Caduceus.Detection.Injection;

/// <summary>
/// Scores a text for prompt injection and jailbreak attempts with weighted, explainable signals (instruction override,
/// persona jailbreak, system prompt extraction, fake chat-template tokens, exfiltration through images, ...).
/// Signals that fire combine as <c>1 - Π(1 - weight)</c>: independent weak signs add up, and no number of them reaches 1.
/// Reports at most one finding per text, covering the first to the last matched signal, when the combined score is
/// at least 0.3; the explanation names the signals, never the text.
/// </summary>
public sealed class InjectionHeuristics : IDetector
{
    /// <summary>Below this combined score nothing is reported: a lone weak signal is noise, not evidence.</summary>
    internal const double ReportThreshold = 0.3;

    private readonly InjectionSignal[] _signals;

    /// <summary>The built-in signals with their default weights.</summary>
    public InjectionHeuristics()
        : this(InjectionSignals.All)
    {
    }

    internal InjectionHeuristics(InjectionSignal[] signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        _signals = signals;
    }

    /// <inheritdoc />
    public string Name => nameof(InjectionHeuristics);

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);

        var text = input.Text;
        Span<bool> fired = _signals.Length <= 64 ? stackalloc bool[_signals.Length] : new bool[_signals.Length];
        var firedCount = 0;
        var notAttack = 1.0;
        var start = int.MaxValue;
        var end = -1;
        for (var i = 0; i < _signals.Length; i++)
        {
            var signal = _signals[i];
            if (!signal.TryMatch(text, out var signalStart, out var signalEnd))
            {
                continue;
            }

            fired[i] = true;
            firedCount++;
            notAttack *= 1.0 - signal.Weight;
            start = Math.Min(start, signalStart);
            end = Math.Max(end, signalEnd);
        }

        var score = Math.Round(1.0 - notAttack, 2);
        if (firedCount == 0 || score < ReportThreshold)
        {
            return;
        }

        findings.Add(new Finding(
            EntityTypes.PromptInjection,
            FindingCategory.Injection,
            start,
            end - start,
            score,
            Name,
            Explain(fired, firedCount)));
    }

    private string Explain(ReadOnlySpan<bool> fired, int firedCount)
    {
        var names = new string[firedCount];
        var n = 0;
        for (var i = 0; i < fired.Length; i++)
        {
            if (fired[i])
            {
                names[n++] = _signals[i].Name;
            }
        }

        return "signals: " + string.Join(", ", names);
    }
}
