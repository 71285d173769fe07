using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Storage;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Containment for tools that act on the gateway's database without running it (the CLI): the same actions and
/// lifting as the gateway's, on the same stores, so running gateways pick the effect up within a second.
/// </summary>
public sealed class OfflineContainment
{
    private readonly Dictionary<string, IContainmentAction> _actions;

    public OfflineContainment(GatewayDatabase database, IApiKeyStore keys, IncidentOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        Incidents = new SqliteIncidentStore(database);
        var blocks = new SqliteContainmentStore(database);
        var active = new ActiveContainment(blocks, timeProvider);
        _actions = new IContainmentAction[]
        {
            new RevokeKeyAction(keys),
            new SuspendKeyAction(blocks, active, keys, Microsoft.Extensions.Options.Options.Create(options), timeProvider),
            new DisableApplicationAction(blocks, active, timeProvider),
        }.ToDictionary(a => a.Name, StringComparer.Ordinal);
        Lifting = new ContainmentLifting(blocks, Incidents, timeProvider);
    }

    public IIncidentStore Incidents { get; }

    public ContainmentLifting Lifting { get; }

    /// <summary>The action named <paramref name="name"/> (one of <see cref="ContainmentActionNames.All"/>).</summary>
    public IContainmentAction Action(string name) => _actions[name];
}
