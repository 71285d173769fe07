namespace Caduceus.Gateway.Incidents;

/// <summary>Places blocks for the actions that work by blocking, so each action says only what it blocks and for how long.</summary>
internal sealed class ContainmentBlocks(IContainmentStore store, ActiveContainment active, TimeProvider timeProvider)
{
    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public async Task<ContainmentBlock> PlaceAsync(
        ContainmentBlockKind kind, string value, string action, Incident incident, DateTimeOffset? until, string? detail, CancellationToken cancellationToken)
    {
        var block = new ContainmentBlock
        {
            Id = ContainmentBlock.NewId(),
            Kind = kind,
            Value = value,
            Detail = detail,
            Action = action,
            IncidentId = incident.Id,
            CreatedAt = Now,
            Until = until,
        };
        await store.AddAsync(block, cancellationToken);
        active.Invalidate();
        return block;
    }
}
