namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Takes the incident's application's tools away until a person lifts the block: all of them, or only the one named in
/// the order's argument. The model's calls to a disabled tool are refused like calls to a tool never allowed.
/// </summary>
internal sealed class DisableToolsAction(ContainmentBlocks blocks) : IContainmentAction
{
    public string Name => ContainmentActionNames.DisableTools;

    public async Task<ContainmentOutcome> ExecuteAsync(Incident incident, string? argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Application is not { } application)
        {
            return new ContainmentOutcome(false, incident.Subject, "not applied: the incident names no application");
        }

        var block = await blocks.PlaceAsync(ContainmentBlockKind.Tools, application, Name, incident, null, argument, cancellationToken);
        var what = argument is null ? "every tool" : $"tool '{argument}'";
        return new ContainmentOutcome(true, argument is null ? application : $"{application}/{argument}", $"{what} disabled until lifted (block {block.Id})");
    }
}
