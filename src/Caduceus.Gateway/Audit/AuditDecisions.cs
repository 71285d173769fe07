namespace Caduceus.Gateway.Audit;

/// <summary>The decisions an audit record can carry (see <see cref="AuditRecord.Decision"/>).</summary>
public static class AuditDecisions
{
    public const string Allowed = "allowed";
    public const string Redacted = "redacted";
    public const string Blocked = "blocked";
    public const string Refused = "refused";
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Allowed, Redacted, Blocked, Refused, Failed];
}
