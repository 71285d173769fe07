using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Makes every caller of the incident's application who verified before now verify again before answers may carry
/// their PHI. The block lasts as long as a verification does, since any verification older than that has lapsed anyway.
/// </summary>
internal sealed class ForceReverificationAction(ContainmentBlocks blocks, IOptions<GatewayOptions> options) : IContainmentAction
{
    public string Name => ContainmentActionNames.ForceReverification;

    public async Task<ContainmentOutcome> ExecuteAsync(Incident incident, string? argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Application is not { } application || !options.Value.Applications.TryGetValue(application, out var settings))
        {
            return new ContainmentOutcome(false, incident.Subject, "not applied: the incident names no configured application");
        }

        if (!settings.CallerVerification.Required)
        {
            return new ContainmentOutcome(false, application, "not applied: the application does not verify callers");
        }

        var block = await blocks.PlaceAsync(
            ContainmentBlockKind.Reverification, application, Name, incident, blocks.Now + settings.CallerVerification.VerifiedLifetime, null, cancellationToken);
        return new ContainmentOutcome(true, application, $"callers verified before {block.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC must verify again (block {block.Id})");
    }
}
