namespace Caduceus.Gateway.Incidents;

/// <summary>Runs the incident's application under <see cref="StrictPolicy"/> until a person lifts the block.</summary>
internal sealed class StrictPolicyAction(ContainmentBlocks blocks) : IContainmentAction
{
    public string Name => ContainmentActionNames.StrictPolicy;

    public async Task<ContainmentOutcome> ExecuteAsync(Incident incident, string? argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Application is not { } application)
        {
            return new ContainmentOutcome(false, incident.Subject, "not applied: the incident names no application");
        }

        var block = await blocks.PlaceAsync(ContainmentBlockKind.StrictPolicy, application, Name, incident, null, null, cancellationToken);
        return new ContainmentOutcome(true, application, $"strict policy in force until lifted: PHI redacted both ways, no re-identification, no tool calls (block {block.Id})");
    }
}
