using System.Collections.Frozen;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Incidents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Policies;

/// <summary>
/// The policy each application runs under: the configured one, or the console's override of it. Overrides are read
/// from the database at most once a <see cref="RefreshInterval"/> (so every gateway instance sharing the database
/// follows a change within it) and at once after a change made here or, on shared state, announced by the database.
/// Only the policy is replaced; upstream, detection, limits and the rest stay as configured.
/// </summary>
internal sealed partial class EffectivePolicies(
    IPolicyOverrideStore store, IOptions<GatewayOptions> options, TimeProvider clock, ILogger<EffectivePolicies> logger) : SharedState.ISharedStateCache, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;
    private long _generation;

    public string Table => "policy_overrides";

    /// <summary>The application's settings with its effective policy.</summary>
    public async ValueTask<ApplicationOptions> ForAsync(string applicationName, ApplicationOptions configured, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.Applications.TryGetValue(applicationName, out var overridden) ? overridden : configured;
    }

    /// <summary>The override in force for the application, or null when the configured policy applies.</summary>
    public async ValueTask<PolicyOverride?> OverrideOfAsync(string applicationName, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.Overrides.GetValueOrDefault(applicationName);
    }

    /// <summary>Makes the next lookup read the database again (after a change made here or elsewhere), also when a read is under way.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    public void Dispose() => _refresh.Dispose();

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < RefreshInterval)
        {
            return snapshot;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < RefreshInterval)
            {
                return snapshot;
            }

            var loadedAt = clock.GetUtcNow();
            var generation = Interlocked.Read(ref _generation);
            var overrides = await store.ListAsync(cancellationToken);
            snapshot = new Snapshot(loadedAt, Build(overrides), overrides.ToFrozenDictionary(o => o.Application, StringComparer.OrdinalIgnoreCase));

            // Changed while reading: use what was read for this request, but read again for the next one.
            _snapshot = generation == Interlocked.Read(ref _generation) ? snapshot : null;
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private FrozenDictionary<string, ApplicationOptions> Build(IReadOnlyList<PolicyOverride> overrides)
    {
        var applications = new Dictionary<string, ApplicationOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var policyOverride in overrides)
        {
            if (!options.Value.Applications.TryGetValue(policyOverride.Application, out var configured))
            {
                continue;
            }

            var effective = configured.ShallowCopy();
            if (PolicyText.TryParse(policyOverride.PolicyText, out var policy, out _))
            {
                effective.Policy = policy;
            }
            else
            {
                // A stored override that no longer parses (written by a newer gateway, or damaged): fail closed.
                LogUnreadableOverride(logger, policyOverride.Application);
                effective = StrictPolicy.Apply(configured);
            }

            applications[policyOverride.Application] = effective;
        }

        return applications.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    [LoggerMessage(EventId = 1250, Level = LogLevel.Warning, Message = "The policy override of application {Application} cannot be read; the application runs under the strict policy until it is saved again")]
    private static partial void LogUnreadableOverride(ILogger logger, string application);

    private sealed record Snapshot(DateTimeOffset LoadedAt, FrozenDictionary<string, ApplicationOptions> Applications, FrozenDictionary<string, PolicyOverride> Overrides);
}
