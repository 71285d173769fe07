using Caduceus.Gateway.Keys;
using Caduceus.Identity;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Refuses the incident's caller (an API key or an OIDC identity) for <see cref="IncidentOptions.SuspensionDuration"/>;
/// reversible: a person can lift it sooner. Like <see cref="RevokeKeyAction"/>, it leaves shared service keys alone.
/// </summary>
internal sealed class SuspendKeyAction(ContainmentBlocks blocks, IApiKeyStore keys, IOptions<IncidentOptions> options)
    : IContainmentAction
{
    public string Name => ContainmentActionNames.SuspendKey;

    public async Task<ContainmentOutcome> ExecuteAsync(Incident incident, string? argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Subject == Playbook.UnknownSubject)
        {
            return new ContainmentOutcome(false, incident.Subject, "not applied: the incident has no caller to suspend");
        }

        if (await keys.GetAsync(incident.Subject, cancellationToken) is { } key && key.Roles.Contains(CallerRoles.Service, StringComparer.Ordinal))
        {
            return new ContainmentOutcome(false, key.Id, "not applied: a service key serves a whole application; use disable_application if that is intended");
        }

        var block = await blocks.PlaceAsync(
            ContainmentBlockKind.Principal, incident.Subject, Name, incident, blocks.Now + options.Value.SuspensionDuration, null, cancellationToken);
        return new ContainmentOutcome(true, incident.Subject, $"caller suspended until {block.Until:yyyy-MM-dd HH:mm:ss} UTC (block {block.Id}; lift it to end sooner)");
    }
}
