using Caduceus.Events;

namespace Caduceus.Gateway.Incidents;

/// <summary>A playbook ready to match events: <see cref="PlaybookOptions"/> under its name, checked at start-up.</summary>
public sealed class Playbook
{
    private readonly string[] _exactTypes;
    private readonly string[] _typePrefixes;
    private readonly HashSet<string> _codes;

    public Playbook(string name, PlaybookOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _exactTypes = options.EventTypes.Where(t => !t.EndsWith('*')).ToArray();
        _typePrefixes = options.EventTypes.Where(t => t.EndsWith('*')).Select(t => t[..^1]).ToArray();
        _codes = new HashSet<string>(options.Codes, StringComparer.Ordinal);
        Threshold = options.Threshold;
        Window = options.Window;
        GroupBy = options.GroupBy;
        Severity = options.Severity;
        Categories = [.. options.Categories];
        Actions = options.Actions.Select(a => ContainmentOrder.Parse(a, out _) ?? throw new ArgumentException($"'{a}' is not a containment order.", nameof(options))).ToArray();
    }

    /// <summary>The subject of events that name neither caller nor application; such events never join other incidents.</summary>
    public const string UnknownSubject = "unknown";

    public string Name { get; }

    public int Threshold { get; }

    public TimeSpan Window { get; }

    public IncidentGrouping GroupBy { get; }

    public IncidentSeverity Severity { get; }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<ContainmentOrder> Actions { get; }

    public bool Matches(SecurityEvent securityEvent)
    {
        ArgumentNullException.ThrowIfNull(securityEvent);
        var typeMatches = _exactTypes.Contains(securityEvent.Type, StringComparer.Ordinal)
            || _typePrefixes.Any(prefix => securityEvent.Type.StartsWith(prefix, StringComparison.Ordinal));
        return typeMatches && (_codes.Count == 0 || (securityEvent.Code is { } code && _codes.Contains(code)));
    }

    /// <summary>What the event shares with the others of its incident; events with nothing to group by share one bucket.</summary>
    public string SubjectOf(SecurityEvent securityEvent)
    {
        ArgumentNullException.ThrowIfNull(securityEvent);
        return GroupBy switch
        {
            IncidentGrouping.Principal => securityEvent.Principal,
            IncidentGrouping.Source => securityEvent.Source,
            _ => securityEvent.Application,
        } ?? UnknownSubject;
    }
}
