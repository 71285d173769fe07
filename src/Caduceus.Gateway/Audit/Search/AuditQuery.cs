namespace Caduceus.Gateway.Audit.Search;

/// <summary>
/// Which records a search or export wants. Every criterion that is set must hold; text criteria match exactly
/// (ordinal). The time range is half-open: <see cref="Since"/> included, <see cref="Until"/> excluded, so
/// consecutive windows neither overlap nor leave gaps.
/// </summary>
public sealed record AuditQuery
{
    /// <summary>The caller as the record stores it: an API key id, or <c>oidc:SUBJECT</c>.</summary>
    public string? Identity { get; init; }

    public string? Application { get; init; }

    /// <summary>One of <see cref="AuditDecisions.All"/>.</summary>
    public string? Decision { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>A security event id (<c>evt_...</c>) the record carries.</summary>
    public string? EventId { get; init; }

    /// <summary>At most this many records, the oldest first; null for all.</summary>
    public int? Limit { get; init; }

    public bool Matches(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (Identity is null || string.Equals(record.KeyId, Identity, StringComparison.Ordinal))
            && (Application is null || string.Equals(record.Application, Application, StringComparison.Ordinal))
            && (Decision is null || string.Equals(record.Decision, Decision, StringComparison.Ordinal))
            && (Since is not { } since || record.Time >= since)
            && (Until is not { } until || record.Time < until)
            && (EventId is null || record.EventIds.Contains(EventId, StringComparer.Ordinal));
    }
}
