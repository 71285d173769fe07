using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Policies;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Applications;

/// <summary>What the applications and policies pages need: the configuration, the overrides, the step-up and the audit trail.</summary>
internal sealed class ConsoleApplicationsContext(
    IOptions<GatewayOptions> gateway,
    EffectivePolicies policies,
    IPolicyOverrideStore store,
    ConsoleSignIn signIn,
    SecurityEventBus events,
    IAuditLog audit,
    TimeProvider clock)
{
    public GatewayOptions Gateway => gateway.Value;

    public EffectivePolicies Policies => policies;

    public IPolicyOverrideStore Store => store;

    public ConsoleSignIn SignIn => signIn;

    public SecurityEventBus Events => events;

    public IAuditLog Audit => audit;

    public TimeProvider Clock => clock;

    /// <summary>The configured application of that name (case as configured), or null.</summary>
    public string? ApplicationNamed(string name) =>
        gateway.Value.Applications.Keys.FirstOrDefault(configured => string.Equals(configured, name, StringComparison.OrdinalIgnoreCase));
}
