using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Lifts a containment block for people (admin API and CLI): notes it on the block's incident and in the audit trail,
/// and makes this instance enforce the change at once (others within a second).
/// </summary>
public sealed class ContainmentLifting
{
    private readonly IContainmentStore _blocks;
    private readonly IIncidentStore _incidents;
    private readonly IAuditLog _auditLog;
    private readonly ActiveContainment _active;
    private readonly TimeProvider _timeProvider;

    internal ContainmentLifting(IContainmentStore blocks, IIncidentStore incidents, IAuditLog auditLog, ActiveContainment active, TimeProvider timeProvider)
    {
        _blocks = blocks;
        _incidents = incidents;
        _auditLog = auditLog;
        _active = active;
        _timeProvider = timeProvider;
    }

    /// <summary>The lifted block, or null when there is no such block; WasActive is false when it was already lifted or had expired.</summary>
    public async Task<(ContainmentBlock? Block, bool WasActive)> LiftAsync(string blockId, string actor, CancellationToken cancellationToken)
    {
        if (await _blocks.GetAsync(blockId, cancellationToken) is not { } block)
        {
            return (null, false);
        }

        var now = _timeProvider.GetUtcNow();
        if (!block.IsActiveAt(now) || !await _blocks.LiftAsync(blockId, now, cancellationToken))
        {
            return (block, false);
        }

        _active.Invalidate();
        if (block.IncidentId is { } incidentId)
        {
            var record = new IncidentActionRecord(now, "lift", block.Value, actor, $"block {block.Id} ({block.Action}) lifted");
            await _incidents.AddActionAsync(incidentId, record, IncidentStatus.Contained, cancellationToken);
        }

        await _auditLog.AppendAsync(IncidentEvents.LiftRecord(block, actor, now), cancellationToken);
        return (block with { LiftedAt = now }, true);
    }
}
