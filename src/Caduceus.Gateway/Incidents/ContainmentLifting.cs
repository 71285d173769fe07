
namespace Caduceus.Gateway.Incidents;

/// <summary>Lifts a containment block and notes it on the block's incident, for people (admin API and CLI).</summary>
public sealed class ContainmentLifting(IContainmentStore blocks, IIncidentStore incidents, TimeProvider timeProvider)
{
    /// <summary>The lifted block, or null when there is no such block; WasActive is false when it was already lifted or had expired.</summary>
    public async Task<(ContainmentBlock? Block, bool WasActive)> LiftAsync(string blockId, string actor, CancellationToken cancellationToken)
    {
        if (await blocks.GetAsync(blockId, cancellationToken) is not { } block)
        {
            return (null, false);
        }

        var now = timeProvider.GetUtcNow();
        if (!block.IsActiveAt(now) || !await blocks.LiftAsync(blockId, now, cancellationToken))
        {
            return (block, false);
        }

        if (block.IncidentId is { } incidentId)
        {
            var record = new IncidentActionRecord(now, "lift", block.Value, actor, $"block {block.Id} ({block.Action}) lifted");
            await incidents.AddActionAsync(incidentId, record, IncidentStatus.Contained, cancellationToken);
        }

        return (block with { LiftedAt = now }, true);
    }
}
