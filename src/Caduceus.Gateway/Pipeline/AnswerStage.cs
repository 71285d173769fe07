using Caduceus.Gateway.Streaming;

namespace Caduceus.Gateway.Pipeline;

/// <summary>The last stage: inspects the model's answer and sends it, streamed or whole, as the client asked.</summary>
internal sealed class AnswerStage(CompletionAnswerInspector completion, StreamingAnswerRelay streaming) : IChatStage
{
    public ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next) =>
        new(exchange.Stream && IsEventStream(exchange) ? streaming.RelayAsync(exchange) : completion.RespondAsync(exchange));

    private static bool IsEventStream(ChatExchange exchange) =>
        exchange.UpstreamResponse!.Content.Headers.ContentType?.MediaType == "text/event-stream";
}
