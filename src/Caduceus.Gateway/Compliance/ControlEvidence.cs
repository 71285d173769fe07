using System.Globalization;

namespace Caduceus.Gateway.Compliance;

/// <summary>Collects one control's evidence while an evaluator reads the state, then states its status and reason.</summary>
internal sealed class ControlEvidence(ControlDefinition control)
{
    private readonly List<EvidenceItem> _items = [];

    public ControlEvidence Add(string name, string value)
    {
        _items.Add(new EvidenceItem(name, value));
        return this;
    }

    public ControlEvidence Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public ControlEvidence Add(string name, bool value) => Add(name, value ? "true" : "false");

    public ControlEvidence Add(string name, TimeSpan value) => Add(name, value.ToString("c", CultureInfo.InvariantCulture));

    public ControlEvidence Add(string name, DateTimeOffset? value) =>
        Add(name, value is { } time ? time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "never");

    public ControlResult Pass(string reason) => Result(ControlStatus.Pass, reason);

    public ControlResult Gap(string reason) => Result(ControlStatus.Gap, reason);

    public ControlResult NotApplicable(string reason) => Result(ControlStatus.NotApplicable, reason);

    /// <summary>Pass with <paramref name="passReason"/> when there are no gaps, else a gap naming each one.</summary>
    public ControlResult PassUnless(IReadOnlyCollection<string> gaps, string passReason) =>
        gaps.Count == 0 ? Pass(passReason) : Gap(string.Join(" ", gaps));

    private ControlResult Result(ControlStatus status, string reason) => new(control.Id, control.Title, status, reason, _items.ToArray());
}
