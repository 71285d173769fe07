namespace Caduceus.Gateway.Incidents;

/// <summary>Refuses every caller of the incident's application until a person lifts the block: the big red switch.</summary>
internal sealed class DisableApplicationAction(IContainmentStore store, ActiveContainment active, TimeProvider timeProvider) : IContainmentAction
{
    public string Name => ContainmentActionNames.DisableApplication;

    public async Task<ContainmentOutcome> ExecuteAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Application is not { } application)
        {
            return new ContainmentOutcome(false, incident.Subject, "not applied: the incident names no application");
        }

        var block = new ContainmentBlock
        {
            Id = ContainmentBlock.NewId(),
            Kind = ContainmentBlockKind.Application,
            Value = application,
            Action = Name,
            IncidentId = incident.Id,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        await store.AddAsync(block, cancellationToken);
        active.Invalidate();
        return new ContainmentOutcome(true, application, $"application disabled until lifted (block {block.Id})");
    }
}
