using Caduceus.Gateway.Keys;
using Caduceus.Identity;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Revokes the API key an incident is about. A service key is left alone: it serves a whole application (every
/// patient of a portal, say), so revoking it would take the service down for everyone; a person decides that.
/// </summary>
public sealed class RevokeKeyAction(IApiKeyStore keys) : IContainmentAction
{
    public string Name => ContainmentActionNames.RevokeKey;

    public async Task<ContainmentOutcome> ExecuteAsync(Incident incident, string? argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var key = await keys.GetAsync(incident.Subject, cancellationToken);
        if (key is null)
        {
            return new ContainmentOutcome(false, incident.Subject, "not applied: the incident's subject is not an API key of this gateway");
        }

        if (key.Roles.Contains(CallerRoles.Service, StringComparer.Ordinal))
        {
            return new ContainmentOutcome(false, key.Id, "not applied: a service key serves a whole application; revoke it by hand if that is intended");
        }

        if (key.RevokedAt is not null)
        {
            return new ContainmentOutcome(true, key.Id, "the key was already revoked");
        }

        await keys.RevokeAsync(key.Id, ApiKeyRevocationReason.Incident, cancellationToken);
        return new ContainmentOutcome(true, key.Id, "key revoked; every gateway refuses it within a second");
    }
}
