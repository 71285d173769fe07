namespace Caduceus.Gateway.Audit;

/// <summary>The decisions an audit record can carry (see <see cref="AuditRecord.Decision"/>).</summary>
public static class AuditDecisions
{
    public const string Allowed = "allowed";
    public const string Redacted = "redacted";
    public const string Blocked = "blocked";
    public const string Refused = "refused";
    public const string Failed = "failed";

    /// <summary>An incident containment action took effect (records of kind <c>incident</c>).</summary>
    public const string Contained = "contained";

    /// <summary>An incident containment action could not apply to its subject (e.g. a shared service key).</summary>
    public const string NotApplied = "not_applied";

    /// <summary>A person lifted a containment block (records of kind <c>incident</c>).</summary>
    public const string Lifted = "lifted";

    /// <summary>A person recorded the breach notification of an incident, or why none is due (records of kind <c>incident</c>).</summary>
    public const string Notified = "notified";

    public static IReadOnlyList<string> All { get; } = [Allowed, Redacted, Blocked, Refused, Failed, Contained, NotApplied, Lifted, Notified];
}
