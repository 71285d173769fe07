using System.Text.Json.Nodes;
using Caduceus.Detection;
using Caduceus.Events;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.ThreatIntel;
using Caduceus.Gateway.Vault;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// Runs the detectors over every text in the request, lets policy decide, and carries the decision out: a block
/// refuses the whole request; redactions and pseudonyms rewrite the texts before they leave for the model.
/// Pseudonyms are kept in the encrypted vault, in the conversation's scope, so the answer can be restored.
/// </summary>
internal sealed class InputInspectionStage(
    ApplicationAnalyzers analyzers,
    RequestAnonymizers anonymizers,
    IPseudonymVault vault,
    SecurityEventBus events,
    ThreatSightings sightings,
    TimeProvider timeProvider) : IChatStage
{
    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        var policy = exchange.Application.Policy.Request;
        var analyzer = analyzers.For(exchange.ApplicationName);
        var blocking = new FindingSummary();
        var transformed = new FindingSummary();
        string? refusalCode = null;
        var rewrites = new List<(ChatText Text, IReadOnlyList<Finding> Findings)>();
        var pseudonymize = false;
        var audit = exchange.Audit;
        if (audit is not null && exchange.Body?["model"] is JsonValue model && model.TryGetValue<string>(out var modelName))
        {
            audit.Model = modelName;
        }

        foreach (var text in exchange.Texts)
        {
            var analysis = analyzer.Analyze(new DetectionInput(text.Text, text.Source));
            var decision = PolicyEvaluator.Decide(policy, analysis, exchange.Access is { } access ? access.ForRequest : null);
            if (decision.Action == PolicyAction.Block)
            {
                if (decision.Blocking.Any(f => f.Category == FindingCategory.Injection))
                {
                    sightings.AttackPayload(text.Text, analysis);
                }

                blocking.AddRange(decision.Blocking);
                audit?.AddFindings(decision.Blocking, text.Text);
                // An injection outranks a PHI block as the reason given to the client.
                refusalCode = refusalCode == RefusalCodes.PromptInjectionDetected ? refusalCode : decision.RefusalCode;
            }
            else if (decision.Transforms.Count > 0)
            {
                var findings = decision.TransformedFindings;
                rewrites.Add((text, findings));
                transformed.AddRange(findings);
                audit?.AddFindings(findings, text.Text);
                pseudonymize |= decision.Transforms.Any(t => t.Action == PolicyAction.Pseudonymize);
            }
        }

        var now = timeProvider.GetUtcNow();
        if (refusalCode is not null)
        {
            audit?.Blocked(refusalCode);
            var refused = exchange.NewEvent(SecurityEventTypes.RequestBlocked, refusalCode, blocking.EntityCounts, blocking.Detectors, now);
            events.Publish(refused);
            await GatewayErrors.WriteAsync(exchange.HttpContext, StatusCodes.Status400BadRequest, refusalCode, RefusalMessage(refusalCode), refused.Id);
            return;
        }

        if (rewrites.Count > 0)
        {
            audit?.Redacted();
            await RewriteAsync(exchange, rewrites, pseudonymize);
            events.Publish(exchange.NewEvent(SecurityEventTypes.RequestRedacted, null, transformed.EntityCounts, transformed.Detectors, now));
        }

        await next(exchange);
    }

    private async Task RewriteAsync(ChatExchange exchange, List<(ChatText Text, IReadOnlyList<Finding> Findings)> rewrites, bool pseudonymize)
    {
        var engine = anonymizers.For(exchange.ApplicationName, exchange.Application.Policy.Request);
        if (!pseudonymize)
        {
            foreach (var (text, findings) in rewrites)
            {
                text.Replace(engine.Anonymize(text.Text, findings).Text);
            }

            return;
        }

        var scopeId = ConversationScope.IdFor(exchange, exchange.ConversationId);
        var (texts, scope) = await vault.PseudonymizeAsync(
            scopeId,
            scope => rewrites.Select(rewrite => engine.Anonymize(rewrite.Text.Text, rewrite.Findings, scope).Text).ToArray(),
            exchange.RequestAborted);
        for (var i = 0; i < rewrites.Count; i++)
        {
            rewrites[i].Text.Replace(texts[i]);
        }

        exchange.PseudonymScope = scope;
    }

    private static string RefusalMessage(string code) => code == RefusalCodes.PromptInjectionDetected
        ? "The request was refused: it contains text that tries to override the assistant's instructions."
        : "The request was refused: it contains protected health information that this application's policy does not allow to reach the model.";
}
