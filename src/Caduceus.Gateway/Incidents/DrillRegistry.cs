using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Incidents;

/// <summary>Declares and ends drills for people (admin API and CLI), with an audit record of each.</summary>
public sealed class DrillRegistry(IDrillStore store, IAuditLog auditLog, TimeProvider timeProvider)
{
    /// <summary>The longest a drill may run: a forgotten drill would otherwise hide a real attack from that caller.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    public async Task<Drill> StartAsync(string principal, string label, TimeSpan duration, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(principal);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (duration <= TimeSpan.Zero || duration > MaxDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "A drill runs for a positive time of at most 24 hours.");
        }

        var now = timeProvider.GetUtcNow();
        var drill = new Drill { Id = Drill.NewId(), Principal = principal, Label = label, StartedAt = now, EndsAt = now + duration };
        await store.StartAsync(drill, cancellationToken);
        await auditLog.AppendAsync(Record(drill.Id, "drill_started", actor, now), cancellationToken);
        return drill;
    }

    /// <summary>Ends a running drill; false when there is no such running drill.</summary>
    public async Task<bool> EndAsync(string drillId, string actor, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (!await store.EndAsync(drillId, now, cancellationToken))
        {
            return false;
        }

        await auditLog.AppendAsync(Record(drillId, "drill_ended", actor, now), cancellationToken);
        return true;
    }

    private static AuditRecord Record(string drillId, string code, string actor, DateTimeOffset now) => new()
    {
        Time = now,
        Kind = "incident",
        Method = "ACTION",
        Route = $"drills/{drillId}",
        Status = 200,
        Decision = AuditDecisions.Allowed,
        Code = code,
        KeyId = actor,
        EventIds = [],
    };
}
