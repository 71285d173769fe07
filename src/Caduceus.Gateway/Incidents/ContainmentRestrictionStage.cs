using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Pipeline;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// First stage of the chat pipeline: when an incident's containment tightens the exchange's application (strict
/// policy, disabled tools, forced re-verification), the rest of the pipeline sees the tightened settings. The
/// tightened settings are built once per set of blocks, so the hot path pays a dictionary lookup.
/// </summary>
internal sealed class ContainmentRestrictionStage(ActiveContainment containment) : IChatStage
{
    private const int MaxCachedVariants = 256;

    // Per settings object, so a policy replaced at run time (a console override) is tightened afresh, not served stale.
    private readonly ConditionalWeakTable<ApplicationOptions, ConcurrentDictionary<string, ApplicationOptions>> _variants = new();

    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        var snapshot = await containment.CurrentAsync(exchange.RequestAborted);
        if (snapshot.HasApplicationRestrictions)
        {
            var now = containment.Clock.GetUtcNow();
            exchange.VerifiedNoEarlierThan = snapshot.VerifiedNoEarlierThan(exchange.ApplicationName, now);
            var tightening = snapshot.RestrictionsOf(exchange.ApplicationName, now).Where(b => b.Kind != ContainmentBlockKind.Reverification).ToArray();
            if (tightening.Length > 0)
            {
                Apply(exchange, tightening);
            }
        }

        await next(exchange);
    }

    private void Apply(ChatExchange exchange, ContainmentBlock[] tightening)
    {
        var variantKey = exchange.ApplicationName + "\n" + string.Join('\n', tightening.Select(b => b.Id).Order(StringComparer.Ordinal));
        var variants = _variants.GetValue(exchange.Application, static _ => new ConcurrentDictionary<string, ApplicationOptions>(StringComparer.Ordinal));
        if (variants.Count >= MaxCachedVariants)
        {
            variants.Clear();
        }

        exchange.Application = variants.GetOrAdd(variantKey, _ => Tighten(exchange.Application, tightening));
    }

    private static ApplicationOptions Tighten(ApplicationOptions application, ContainmentBlock[] blocks)
    {
        if (blocks.Any(b => b.Kind == ContainmentBlockKind.StrictPolicy))
        {
            return StrictPolicy.Apply(application);
        }

        var tools = blocks.Where(b => b.Kind == ContainmentBlockKind.Tools).ToArray();
        return tools.Any(b => b.Detail is null)
            ? StrictPolicy.WithoutTools(application, null)
            : StrictPolicy.WithoutTools(application, tools.Select(b => b.Detail!).ToHashSet(StringComparer.Ordinal));
    }
}
