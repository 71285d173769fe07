using Caduceus.Detection;
using Caduceus.Events;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Pipeline;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// Refuses a request any of whose texts hashes (<see cref="AttackPayloadHash"/>) to a payload an imported feed names
/// as an attack: 400 <c>known_attack_payload</c> and a <c>request.blocked</c> event. It runs before the detectors, so a
/// known attack is refused even when it slips past them.
/// </summary>
internal sealed class KnownAttackPayloadStage(KnownAttackPayloads payloads, SecurityEventBus events, TimeProvider timeProvider) : IChatStage
{
    public const string DetectorName = "KnownAttackPayloads";

    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        var known = await payloads.CurrentAsync(exchange.RequestAborted);
        if (known.Count > 0 && exchange.Texts.Any(text => known.Contains(AttackPayloadHash.Of(text.Text))))
        {
            exchange.Audit?.Blocked(RefusalCodes.KnownAttackPayload);
            var refused = exchange.NewEvent(
                SecurityEventTypes.RequestBlocked, RefusalCodes.KnownAttackPayload, new Dictionary<string, int> { [EntityTypes.PromptInjection] = 1 }, [DetectorName], timeProvider.GetUtcNow());
            events.Publish(refused);
            await GatewayErrors.WriteAsync(
                exchange.HttpContext,
                StatusCodes.Status400BadRequest,
                RefusalCodes.KnownAttackPayload,
                "The request was refused: it matches an attack payload reported by a threat intelligence feed.",
                refused.Id);
            return;
        }

        await next(exchange);
    }
}
