using System.Text.Json;
using System.Text.Json.Nodes;
using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Events;
using Caduceus.Gateway.AnswerLimits;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Tools;
using Caduceus.Gateway.Verification;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Pipeline;

/// <summary>Inspects a complete (non-streaming) answer, applies the response policy, and sends it to the client.</summary>
internal sealed class CompletionAnswerInspector(ApplicationAnalyzers analyzers, AnswerLimitsOptions answerLimits, SecurityEventBus events, TimeProvider timeProvider)
{
    private const int MaxAnswerBytes = 16 * 1024 * 1024;

    public async Task RespondAsync(ChatExchange exchange)
    {
        var context = exchange.HttpContext;
        var answer = await ReadAnswerAsync(exchange);
        if (answer is null)
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status502BadGateway, RefusalCodes.UpstreamInvalidResponse, "The model service sent an answer that is not a chat completion.");
            return;
        }

        exchange.AnswerUsage = AuditUsageReader.From(answer);
        exchange.Audit?.Usage = exchange.AnswerUsage;
        exchange.AnswerCharacters = Contents(answer).Sum(content => (long)content.GetValue<string>().Length);
        var policy = exchange.Application.Policy.Response;
        var analyzer = analyzers.ForAnswers(exchange.ApplicationName, policy);
        var redacted = new FindingSummary();
        if (ToolCallRefusal(exchange, answer) is { } toolRefusal)
        {
            await RefuseToolCallAsync(exchange, toolRefusal);
            return;
        }

        if (new AnswerMeter(answerLimits, timeProvider).Add(Contents(answer).Sum(c => c.GetValue<string>().Length), streaming: false) is { } limitCode)
        {
            await RefuseAsync(exchange, [], limitCode);
            return;
        }

        var restore = PseudonymsToRestore(exchange);
        var restored = 0;
        var escalationFor = PatientPhiGate.For(exchange);
        foreach (var content in Contents(answer))
        {
            var text = content.GetValue<string>();
            if (exchange.Canary?.IndexIn(text) is >= 0 and var leakAt)
            {
                await RefuseAsync(exchange, [exchange.Canary.FindingAt(leakAt)], RefusalCodes.SystemPromptLeak);
                return;
            }

            var decision = PolicyEvaluator.Decide(policy, analyzer.Analyze(new DetectionInput(text, TextSource.ModelOutput)), escalationFor?.Invoke(text));
            if (decision.Action == PolicyAction.Block)
            {
                await RefuseAsync(exchange, decision.Blocking, decision.RefusalCode!);
                return;
            }

            if (decision.Transforms.Count > 0)
            {
                var redactions = decision.TransformedFindings;
                text = RedactOperator.Apply(text, redactions);
                content.ReplaceWith(text);
                redacted.AddRange(redactions);
            }

            if (restore is not null)
            {
                content.ReplaceWith(PseudonymRestorer.Restore(text, restore, restoreInsideUrls: false, out var count));
                restored += count;
            }
        }

        if (!redacted.IsEmpty)
        {
            events.Publish(exchange.NewEvent(SecurityEventTypes.ResponseRedacted, null, redacted.EntityCounts, redacted.Detectors, timeProvider.GetUtcNow()));
        }

        if (restored > 0)
        {
            events.Publish(exchange.NewEvent(SecurityEventTypes.ResponseRestored, null, new Dictionary<string, int> { ["PSEUDONYM"] = restored }, [], timeProvider.GetUtcNow()));
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        if (exchange.EventIds.Count > 0)
        {
            context.Response.Headers[GatewayErrors.EventIdHeader] = string.Join(',', exchange.EventIds);
        }

        await using var writer = new Utf8JsonWriter(context.Response.Body);
        answer.WriteTo(writer);
        await writer.FlushAsync(exchange.RequestAborted);
    }

    private async Task RefuseAsync(ChatExchange exchange, IEnumerable<Finding> blocking, string refusalCode)
    {
        var summary = new FindingSummary();
        summary.AddRange(blocking);
        var blocked = exchange.NewEvent(SecurityEventTypes.ResponseBlocked, refusalCode, summary.EntityCounts, summary.Detectors, timeProvider.GetUtcNow());
        events.Publish(blocked);
        exchange.Audit?.Blocked(refusalCode);
        await GatewayErrors.WriteAsync(exchange.HttpContext, StatusCodes.Status400BadRequest, refusalCode, AnswerRefusals.Message(refusalCode, streaming: false), blocked.Id);
    }

    private async Task RefuseToolCallAsync(ChatExchange exchange, string reason)
    {
        var refused = exchange.NewEvent(SecurityEventTypes.ToolCallRefused, RefusalCodes.ToolCallRefused, new Dictionary<string, int>(), [], timeProvider.GetUtcNow());
        events.Publish(refused);
        await GatewayErrors.WriteAsync(exchange.HttpContext, StatusCodes.Status400BadRequest, RefusalCodes.ToolCallRefused, $"The answer was withheld: {reason}.", refused.Id);
    }

    // Tool calls are checked before anything else: a refused one withholds the whole answer.
    private static string? ToolCallRefusal(ChatExchange exchange, JsonObject answer)
    {
        var calls = new List<RequestedToolCall>();
        if (answer["choices"] is JsonArray choices)
        {
            foreach (var choice in choices)
            {
                if (choice?["message"] is not JsonObject message)
                {
                    continue;
                }

                if (message["tool_calls"] is JsonArray toolCalls)
                {
                    calls.AddRange(toolCalls.Select(call => RequestedToolCalls.From(call?["function"])));
                }

                if (message["function_call"] is JsonObject functionCall)
                {
                    calls.Add(RequestedToolCalls.From(functionCall));
                }
            }
        }

        return calls.Count == 0 ? null : ToolCallAuthorizer.Refusal(exchange.Application.Tools, calls, exchange.VerifiedPatient?.Id, exchange.Access?.Tools);
    }

    /// <summary>The pseudonyms to turn back into values in this answer, or null when the caller is not entitled or none were issued.</summary>
    public static PseudonymTable? PseudonymsToRestore(ChatExchange exchange)
    {
        if (!exchange.Application.Policy.RestorePseudonyms || exchange.PseudonymScope is not { Pseudonyms.Count: > 0 } scope)
        {
            return null;
        }

        return exchange.Access is { } access ? access.Restorable(scope.Pseudonyms) : scope.Pseudonyms;
    }

    private static async Task<JsonObject?> ReadAnswerAsync(ChatExchange exchange)
    {
        var content = exchange.UpstreamResponse!.Content;
        if (content.Headers.ContentLength > MaxAnswerBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(exchange.UpstreamDeadline!.Token);
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, exchange.UpstreamDeadline.Token);
        if (buffer.Length > MaxAnswerBytes)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<JsonValue> Contents(JsonObject answer)
    {
        var contents = new List<JsonValue>();
        if (answer["choices"] is not JsonArray choices)
        {
            return contents;
        }

        foreach (var choice in choices)
        {
            if (choice?["message"]?["content"] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                contents.Add(value);
            }
        }

        return contents;
    }
}
