namespace Caduceus.Gateway.Incidents;

/// <summary>Refuses every caller of the incident's application until a person lifts the block: the big red switch.</summary>
internal sealed class DisableApplicationAction(ContainmentBlocks blocks) : IContainmentAction
{
    public string Name => ContainmentActionNames.DisableApplication;

    public async Task<ContainmentOutcome> ExecuteAsync(Incident incident, string? argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Application is not { } application)
        {
            return new ContainmentOutcome(false, incident.Subject, "not applied: the incident names no application");
        }

        var block = await blocks.PlaceAsync(ContainmentBlockKind.Application, application, Name, incident, null, null, cancellationToken);
        return new ContainmentOutcome(true, application, $"application disabled until lifted (block {block.Id})");
    }
}
