using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Events;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// Runs the detectors over every text in the request, lets policy decide, and carries the decision out:
/// a block refuses the whole request; redactions rewrite the texts before they leave for the model.
/// </summary>
internal sealed class InputInspectionStage(ITextAnalyzer analyzer, SecurityEventBus events, TimeProvider timeProvider) : IChatStage
{
    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        var policy = exchange.Application.Policy.Request;
        var blocking = new FindingSummary();
        var redacted = new FindingSummary();
        string? refusalCode = null;
        var rewrites = new List<(ChatText Text, IReadOnlyList<Finding> Redactions)>();

        foreach (var text in exchange.Texts)
        {
            var findings = analyzer.Analyze(new DetectionInput(text.Text, text.Source));
            var decision = PolicyEvaluator.Decide(policy, findings);
            switch (decision.Action)
            {
                case PolicyAction.Block:
                    blocking.AddRange(decision.Blocking);
                    // An injection outranks a PHI block as the reason given to the client.
                    refusalCode = refusalCode == RefusalCodes.PromptInjectionDetected ? refusalCode : decision.RefusalCode;
                    break;
                case PolicyAction.Redact:
                    rewrites.Add((text, decision.Redactions));
                    redacted.AddRange(decision.Redactions);
                    break;
            }
        }

        var now = timeProvider.GetUtcNow();
        if (refusalCode is not null)
        {
            var refused = exchange.NewEvent(SecurityEventTypes.RequestBlocked, refusalCode, blocking.EntityCounts, blocking.Detectors, now);
            events.Publish(refused);
            await GatewayErrors.WriteAsync(exchange.HttpContext, StatusCodes.Status400BadRequest, refusalCode, RefusalMessage(refusalCode), refused.Id);
            return;
        }

        foreach (var (text, redactions) in rewrites)
        {
            text.Replace(RedactOperator.Apply(text.Text, redactions));
        }

        if (!redacted.IsEmpty)
        {
            events.Publish(exchange.NewEvent(SecurityEventTypes.RequestRedacted, null, redacted.EntityCounts, redacted.Detectors, now));
        }

        await next(exchange);
    }

    private static string RefusalMessage(string code) => code == RefusalCodes.PromptInjectionDetected
        ? "The request was refused: it contains text that tries to override the assistant's instructions."
        : "The request was refused: it contains protected health information that this application's policy does not allow to reach the model.";
}
