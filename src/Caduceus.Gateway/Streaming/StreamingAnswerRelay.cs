using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Events;
using Caduceus.Gateway.AnswerLimits;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Pipeline;
using Caduceus.Gateway.Tools;
using Caduceus.Gateway.Verification;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Streaming;

/// <summary>
/// Relays a streamed answer (server-sent events of <c>chat.completion.chunk</c>) to the client, inspecting the
/// content of every choice on the way. Each upstream chunk produces one downstream chunk whose content is what
/// the inspector has released so far; held text is flushed when the choice finishes. Text is inspected in
/// batches (<see cref="StreamInspectionOptions"/>); when the model pauses with a batch pending, the batch is
/// inspected once its time is up and sent in a chunk of its own.
/// </summary>
internal sealed class StreamingAnswerRelay(ApplicationAnalyzers analyzers, AnswerLimitsOptions answerLimits, StreamInspectionOptions inspection, SecurityEventBus events, TimeProvider timeProvider)
{
    private const string DataPrefix = "data:";
    private const string Done = "[DONE]";

    public async Task RelayAsync(ChatExchange exchange)
    {
        var context = exchange.HttpContext;
        var deadline = exchange.UpstreamDeadline!;
        var idleTimeout = exchange.Application.Upstream.StreamIdleTimeout;
        var relay = new Relay(
            analyzers.ForAnswers(exchange.ApplicationName, exchange.Application.Policy.Response),
            exchange.Application.Policy.Response,
            CompletionAnswerInspector.PseudonymsToRestore(exchange),
            exchange.Canary,
            PatientPhiGate.For(exchange),
            calls => ToolCallAuthorizer.Refusal(exchange.Application.Tools, calls, exchange.VerifiedPatient?.Id, exchange.Access?.Tools),
            () => StreamInspectionBatch.From(inspection, timeProvider));
        var meter = new AnswerMeter(answerLimits, timeProvider);

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        if (exchange.EventIds.Count > 0)
        {
            context.Response.Headers[GatewayErrors.EventIdHeader] = string.Join(',', exchange.EventIds);
        }

        // The record is committed before the last event ([DONE] or an error), when the whole answer is known.
        exchange.Audit?.DeferredToStreamEnd = true;
        await context.Response.StartAsync(exchange.RequestAborted);
        try
        {
            await using var stream = await exchange.UpstreamResponse!.Content.ReadAsStreamAsync(deadline.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var data = new StringBuilder();
            var finished = false;
            Task<string?>? read = null;
            Task? batchTimer = null;
            deadline.Arm(idleTimeout);
            while (!finished)
            {
                read ??= reader.ReadLineAsync(deadline.Token).AsTask();
                batchTimer ??= BatchTimer(relay);
                if (!read.IsCompleted && batchTimer is not null && await Task.WhenAny(read, batchTimer) == batchTimer)
                {
                    batchTimer = null;
                    finished = !await ReleaseDueAsync(exchange, relay);
                    continue;
                }

                var line = await read;
                read = null;
                if (line is null)
                {
                    break;
                }

                deadline.Arm(idleTimeout);
                if (line.Length == 0)
                {
                    finished = data.Length > 0 && !await DispatchAsync(exchange, relay, meter, data.ToString());
                    data.Clear();
                }
                else if (line.StartsWith(DataPrefix, StringComparison.Ordinal))
                {
                    data.Append(line.AsSpan(DataPrefix.Length).TrimStart(' '));
                }
            }

            if (!finished && data.Length > 0)
            {
                await DispatchAsync(exchange, relay, meter, data.ToString());
            }
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            await WriteErrorAsync(exchange, 504, RefusalCodes.UpstreamTimeout, "The model service stopped sending in the middle of the answer.", null);
        }
        catch (HttpRequestException)
        {
            await WriteErrorAsync(exchange, 502, RefusalCodes.UpstreamUnavailable, "The connection to the model service broke in the middle of the answer.", null);
        }

        PublishRedactions(exchange, relay);
    }

    private Task? BatchTimer(Relay relay) =>
        relay.TimeUntilDue is { } wait ? Task.Delay(wait, timeProvider, CancellationToken.None) : null;

    /// <summary>The model paused with a batch pending: inspects it and sends what it releases; false when the stream must end here.</summary>
    private async Task<bool> ReleaseDueAsync(ChatExchange exchange, Relay relay)
    {
        var released = relay.ReleaseDue();
        if (await RefuseIfBlockedAsync(exchange, relay))
        {
            return false;
        }

        if (released is not null)
        {
            await ServerSentEventWriter.WriteDataAsync(exchange.HttpContext.Response, released.ToJsonString(), exchange.RequestAborted);
        }

        return true;
    }

    /// <summary>Handles one upstream event; false when the stream must end here.</summary>
    private async Task<bool> DispatchAsync(ChatExchange exchange, Relay relay, AnswerMeter meter, string data)
    {
        var cancellationToken = exchange.RequestAborted;
        if (data == Done)
        {
            if (relay.FlushAll() is { } residual)
            {
                await ServerSentEventWriter.WriteDataAsync(exchange.HttpContext.Response, residual.ToJsonString(), cancellationToken);
            }

            if (!await RefuseIfBlockedAsync(exchange, relay))
            {
                await CommitAuditAsync(exchange);
                await ServerSentEventWriter.WriteDataAsync(exchange.HttpContext.Response, Done, cancellationToken);
            }

            return false;
        }

        JsonObject? chunk;
        try
        {
            chunk = JsonNode.Parse(data) as JsonObject;
        }
        catch (JsonException)
        {
            chunk = null;
        }

        if (chunk is null)
        {
            await WriteErrorAsync(exchange, 502, RefusalCodes.UpstreamInvalidResponse, "The model service sent a malformed stream event.", null);
            return false;
        }

        if (chunk["usage"] is JsonObject)
        {
            exchange.AnswerUsage = AuditUsageReader.From(chunk);
            exchange.Audit?.Usage = exchange.AnswerUsage;
        }

        var length = ContentLength(chunk);
        exchange.AnswerCharacters += length;
        if (meter.Add(length, streaming: true) is { } limitCode)
        {
            await RefuseOverLimitAsync(exchange, limitCode);
            return false;
        }

        relay.Inspect(chunk);
        if (await RefuseIfBlockedAsync(exchange, relay))
        {
            return false;
        }

        await ServerSentEventWriter.WriteDataAsync(exchange.HttpContext.Response, chunk.ToJsonString(), cancellationToken);
        return true;
    }

    private async Task RefuseOverLimitAsync(ChatExchange exchange, string code)
    {
        var blocked = exchange.NewEvent(SecurityEventTypes.ResponseBlocked, code, new Dictionary<string, int>(), [], timeProvider.GetUtcNow());
        events.Publish(blocked);
        exchange.Audit?.Blocked(code);
        await WriteErrorAsync(exchange, 400, code, AnswerRefusals.Message(code, streaming: true), blocked.Id);
    }

    private async Task<bool> RefuseIfBlockedAsync(ChatExchange exchange, Relay relay)
    {
        if (relay.ToolRefusal is { } reason)
        {
            var refused = exchange.NewEvent(SecurityEventTypes.ToolCallRefused, RefusalCodes.ToolCallRefused, new Dictionary<string, int>(), [], timeProvider.GetUtcNow());
            events.Publish(refused);
            await WriteErrorAsync(exchange, 400, RefusalCodes.ToolCallRefused, $"The answer was stopped: {reason}.", refused.Id);
            return true;
        }

        if (relay.RefusalCode is not { } code)
        {
            return false;
        }

        var summary = new FindingSummary();
        summary.AddRange(relay.Blocking);
        var blocked = exchange.NewEvent(SecurityEventTypes.ResponseBlocked, code, summary.EntityCounts, summary.Detectors, timeProvider.GetUtcNow());
        events.Publish(blocked);
        exchange.Audit?.Blocked(code);
        await WriteErrorAsync(exchange, 400, code, AnswerRefusals.Message(code, streaming: true), blocked.Id);
        return true;
    }

    private void PublishRedactions(ChatExchange exchange, Relay relay)
    {
        var summary = new FindingSummary();
        summary.AddRange(relay.Redactions);
        if (!summary.IsEmpty)
        {
            events.Publish(exchange.NewEvent(SecurityEventTypes.ResponseRedacted, null, summary.EntityCounts, summary.Detectors, timeProvider.GetUtcNow()));
        }

        if (relay.Restored > 0)
        {
            events.Publish(exchange.NewEvent(SecurityEventTypes.ResponseRestored, null, new Dictionary<string, int> { ["PSEUDONYM"] = relay.Restored }, [], timeProvider.GetUtcNow()));
        }
    }

    private static async Task WriteErrorAsync(ChatExchange exchange, int status, string code, string message, string? eventId)
    {
        exchange.Audit?.Refused(code);
        await CommitAuditAsync(exchange);
        if (!exchange.RequestAborted.IsCancellationRequested)
        {
            await ServerSentEventWriter.WriteDataAsync(exchange.HttpContext.Response, GatewayErrors.Serialize(status, code, message, eventId), exchange.RequestAborted);
        }
    }

    private static long ContentLength(JsonObject chunk) =>
        chunk["choices"] is JsonArray choices
            ? choices.Sum(choice => choice?["delta"]?["content"] is JsonValue value && value.TryGetValue<string>(out var text) ? (long)text.Length : 0)
            : 0;

    private static Task CommitAuditAsync(ChatExchange exchange) => exchange.Audit?.CommitAsync() ?? Task.CompletedTask;

    /// <summary>The per-choice streams of one answer and the last chunk, used as the template for flushed text.</summary>
    private sealed class Relay(
        ITextAnalyzer analyzer,
        DirectionPolicy policy,
        PseudonymTable? restore,
        CanaryToken? canary,
        Func<string, FindingEscalation?>? escalationFor,
        Func<IReadOnlyList<RequestedToolCall>, string?> authorizeToolCalls,
        Func<StreamInspectionBatch> newBatch)
    {
        private readonly SortedDictionary<int, ChoiceStream> _choices = [];
        private JsonObject? _template;

        /// <summary>Why the tool calls of a finished choice were refused, if they were.</summary>
        public string? ToolRefusal { get; private set; }

        public string? RefusalCode => _choices.Values.Select(c => c.Inspector.RefusalCode).FirstOrDefault(c => c is not null);

        public IEnumerable<Finding> Blocking => _choices.Values.Where(c => c.Inspector.RefusalCode is not null).SelectMany(c => c.Inspector.ActedOn);

        public IEnumerable<Finding> Redactions => _choices.Values.Where(c => c.Inspector.RefusalCode is null).SelectMany(c => c.Inspector.ActedOn);

        public int Restored => _choices.Values.Sum(c => c.Restored);

        /// <summary>How long until some choice's held text is due for inspection by time alone; null when none is waiting.</summary>
        public TimeSpan? TimeUntilDue => _choices.Values.Select(c => c.Inspector.TimeUntilDue).Min();

        public void Inspect(JsonObject chunk)
        {
            if (chunk["choices"] is not JsonArray choices)
            {
                return;
            }

            _template = chunk;
            foreach (var node in choices)
            {
                if (node is not JsonObject choice || choice["delta"] is not JsonObject delta)
                {
                    continue;
                }

                var stream = StreamFor(IndexOf(choice));
                stream.ToolCalls.Take(delta);
                var released = delta["content"] is JsonValue value && value.TryGetValue<string>(out var content)
                    ? stream.Push(content)
                    : null;
                if (choice["finish_reason"] is JsonValue)
                {
                    released = (released ?? string.Empty) + stream.Flush();
                    ReleaseToolCalls(stream, delta);
                }

                if (released is not null)
                {
                    delta["content"] = released;
                }
            }
        }

        /// <summary>Flushes choices that never sent a finish reason; returns a chunk carrying their text and tool calls, if any.</summary>
        public JsonObject? FlushAll()
        {
            var residual = new JsonArray();
            foreach (var (index, stream) in _choices)
            {
                var text = stream.Flush();
                var delta = new JsonObject { ["content"] = text };
                ReleaseToolCalls(stream, delta);
                if (text.Length > 0 || delta.ContainsKey("tool_calls"))
                {
                    residual.Add(ChoiceChunk(index, delta));
                }
            }

            return residual.Count == 0 ? null : Chunk(residual);
        }

        /// <summary>Inspects the batches that are due; returns a chunk carrying the text they release, if any.</summary>
        public JsonObject? ReleaseDue()
        {
            var released = new JsonArray();
            foreach (var (index, stream) in _choices)
            {
                var text = stream.ReleaseDue();
                if (text.Length > 0)
                {
                    released.Add(ChoiceChunk(index, new JsonObject { ["content"] = text }));
                }
            }

            return released.Count == 0 ? null : Chunk(released);
        }

        private static JsonObject ChoiceChunk(int index, JsonObject delta) => new()
        {
            ["index"] = index,
            ["delta"] = delta,
            ["finish_reason"] = null,
        };

        private JsonObject Chunk(JsonArray choices) =>
            new()
            {
                ["id"] = _template?["id"]?.DeepClone(),
                ["object"] = "chat.completion.chunk",
                ["created"] = _template?["created"]?.DeepClone(),
                ["model"] = _template?["model"]?.DeepClone(),
                ["choices"] = choices,
            };

        // A choice's tool calls are held back whole until it finishes, then checked and sent at once or refused.
        private void ReleaseToolCalls(ChoiceStream stream, JsonObject delta)
        {
            if (stream.ToolCalls.IsEmpty || ToolRefusal is not null)
            {
                return;
            }

            ToolRefusal = authorizeToolCalls(stream.ToolCalls.Requested);
            if (ToolRefusal is null)
            {
                delta["tool_calls"] = stream.ToolCalls.Release();
            }
        }

        private ChoiceStream StreamFor(int index)
        {
            if (!_choices.TryGetValue(index, out var stream))
            {
                stream = new ChoiceStream(
                    new StreamingTextInspector(analyzer, policy, canary, escalationFor, newBatch()),
                    restore is null ? null : new StreamingPseudonymRestorer(restore));
                _choices[index] = stream;
            }

            return stream;
        }

        private static int IndexOf(JsonObject choice) =>
            choice["index"] is JsonValue value && value.TryGetValue<int>(out var index) ? index : 0;
    }

    /// <summary>One choice of a streamed answer: inspected first, then (for entitled callers) restored.</summary>
    private sealed class ChoiceStream(StreamingTextInspector inspector, StreamingPseudonymRestorer? restorer)
    {
        public StreamingTextInspector Inspector => inspector;

        public StreamedToolCalls ToolCalls { get; } = new();

        public int Restored => restorer?.Restored ?? 0;

        public string Push(string delta)
        {
            var released = inspector.Push(delta);
            return restorer is null || released.Length == 0 ? released : restorer.Push(released);
        }

        public string ReleaseDue()
        {
            var released = inspector.ReleaseDue();
            return restorer is null || released.Length == 0 ? released : restorer.Push(released);
        }

        public string Flush()
        {
            var released = inspector.Flush();
            if (restorer is null || inspector.RefusalCode is not null)
            {
                return released;
            }

            return restorer.Push(released) + restorer.Flush();
        }
    }
}
