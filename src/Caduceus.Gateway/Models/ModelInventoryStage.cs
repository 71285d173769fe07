using System.Text.Json.Nodes;
using Caduceus.Detection;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Pipeline;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Models;

/// <summary>
/// Lets a request through only to a model in its application's inventory (deny by default). A request without
/// <c>"model"</c> goes to the application's default entry, whose name is written into the body so the upstream cannot
/// pick another. When the entry does not allow PHI, a request with any PHI finding is refused, not redacted: the
/// inventory's word is that this model must not see patient data, and a missed span would reach it.
/// </summary>
internal sealed class ModelInventoryStage(
    CachingModelLookup lookup,
    ReviewOverdueWarnings overdue,
    ApplicationAnalyzers analyzers,
    SecurityEventBus events,
    IOptions<ModelInventoryOptions> options,
    TimeProvider timeProvider) : IChatStage
{
    private readonly ModelInventoryOptions _options = options.Value;

    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        if (!_options.Enforce)
        {
            await next(exchange);
            return;
        }

        var context = exchange.HttpContext;
        string? requested = null;
        if (exchange.Body?["model"] is JsonNode modelNode)
        {
            if (modelNode is not JsonValue value || !value.TryGetValue(out requested))
            {
                await GatewayErrors.WriteAsync(context, StatusCodes.Status400BadRequest, RefusalCodes.InvalidRequest, "'model' must be a string.");
                return;
            }
        }

        if (exchange.Audit is { } audit && requested is not null)
        {
            // The audit record of a refusal names the model that was asked for, as it does for an allowed request.
            audit.Model = requested;
        }

        var entry = await lookup.FindAsync(exchange.ApplicationName, requested, exchange.RequestAborted);
        var now = timeProvider.GetUtcNow();
        if (entry is null)
        {
            // The requested name is not repeated: it is client text, and nothing the client sends is echoed into events or errors.
            var message = requested is null
                ? "The request names no model and this application has no default model in the model inventory."
                : "The requested model is not in this application's model inventory; an administrator must add it before it can be used.";
            await RefuseAsync(exchange, ModelInventoryCodes.ModelNotInInventory, new Dictionary<string, int>(), [], message, now);
            return;
        }

        if (requested is null)
        {
            exchange.Body!["model"] = entry.Model;
        }

        if (entry.IsReviewOverdue(DateOnly.FromDateTime(now.UtcDateTime), _options.ReviewPeriod) && overdue.ShouldWarn(entry))
        {
            events.Publish(exchange.NewEvent(ModelInventoryCodes.ReviewOverdueEvent, null, new Dictionary<string, int>(), [], now));
        }

        if (!entry.PhiAllowed && PhiFindings(exchange) is { IsEmpty: false } phi)
        {
            await RefuseAsync(
                exchange,
                ModelInventoryCodes.PhiNotAllowedForModel,
                phi.EntityCounts,
                phi.Detectors,
                "The request was refused: it contains protected health information and the model inventory does not allow PHI to reach this model.",
                now);
            return;
        }

        await next(exchange);
    }

    private FindingSummary PhiFindings(ChatExchange exchange)
    {
        var analyzer = analyzers.For(exchange.ApplicationName);
        var policy = exchange.Application.Policy.Request;
        var summary = new FindingSummary();
        foreach (var text in exchange.Texts)
        {
            summary.AddRange(analyzer.Analyze(new DetectionInput(text.Text, text.Source))
                .Where(f => f.Category == FindingCategory.Phi && f.Score >= policy.MinimumScore));
        }

        return summary;
    }

    private async Task RefuseAsync(
        ChatExchange exchange, string code, IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> detectors, string message, DateTimeOffset now)
    {
        exchange.Audit?.Blocked(code);
        var refused = exchange.NewEvent(Caduceus.Events.SecurityEventTypes.RequestBlocked, code, counts, detectors, now);
        events.Publish(refused);
        await GatewayErrors.WriteAsync(exchange.HttpContext, StatusCodes.Status403Forbidden, code, message, refused.Id);
    }
}
