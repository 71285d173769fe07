using Caduceus.Gateway.Keys;
using Caduceus.Identity;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Refuses the incident's caller (an API key or an OIDC identity) for <see cref="IncidentOptions.SuspensionDuration"/>;
/// reversible: a person can lift it sooner. Like <see cref="RevokeKeyAction"/>, it leaves shared service keys alone.
/// </summary>
internal sealed class SuspendKeyAction(IContainmentStore store, ActiveContainment active, IApiKeyStore keys, IOptions<IncidentOptions> options, TimeProvider timeProvider)
    : IContainmentAction
{
    public string Name => ContainmentActionNames.SuspendKey;

    public async Task<ContainmentOutcome> ExecuteAsync(Incident incident, CancellationToken cancellationToken)
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

        var now = timeProvider.GetUtcNow();
        var block = new ContainmentBlock
        {
            Id = ContainmentBlock.NewId(),
            Kind = ContainmentBlockKind.Principal,
            Value = incident.Subject,
            Action = Name,
            IncidentId = incident.Id,
            CreatedAt = now,
            Until = now + options.Value.SuspensionDuration,
        };
        await store.AddAsync(block, cancellationToken);
        active.Invalidate();
        return new ContainmentOutcome(true, incident.Subject, $"caller suspended until {block.Until:yyyy-MM-dd HH:mm:ss} UTC (block {block.Id}; lift it to end sooner)");
    }
}
