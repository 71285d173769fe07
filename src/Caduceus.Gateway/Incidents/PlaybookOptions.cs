namespace Caduceus.Gateway.Incidents;

/// <summary>
/// One playbook as configured under <c>Incidents:Playbooks:NAME</c>: which security events open an incident, how it
/// is classified, and what is done about it at once. A configured playbook with a default's name replaces that default.
/// </summary>
public sealed class PlaybookOptions
{
    /// <summary>False switches the playbook off (how a default is turned off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Security event types that count (see <c>SecurityEventTypes</c>); a trailing <c>*</c> matches a prefix.</summary>
    public List<string> EventTypes { get; set; } = [];

    /// <summary>Event codes that count; empty means any code.</summary>
    public List<string> Codes { get; set; } = [];

    /// <summary>How many matching events within <see cref="Window"/> open an incident.</summary>
    public int Threshold { get; set; } = 1;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    public IncidentGrouping GroupBy { get; set; } = IncidentGrouping.Principal;

    public IncidentSeverity Severity { get; set; } = IncidentSeverity.Medium;

    /// <summary>Classification, e.g. <c>OWASP LLM01:2025 Prompt Injection</c> or a HIPAA Security Rule citation.</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>Containment actions run automatically when the incident opens (see <see cref="ContainmentActionNames"/>).</summary>
    public List<string> Actions { get; set; } = [];
}
