namespace Caduceus.Gateway.Pipeline;

/// <summary>The stages of a chat request, composed once in order: limits, parse, inspect, forward, answer.</summary>
internal sealed class ChatPipeline
{
    private readonly ChatStageDelegate _entry;

    public ChatPipeline(IEnumerable<IChatStage> stages)
    {
        ChatStageDelegate next = static _ => ValueTask.CompletedTask;
        foreach (var stage in stages.Reverse())
        {
            var following = next;
            next = exchange => stage.InvokeAsync(exchange, following);
        }

        _entry = next;
    }

    public ValueTask RunAsync(ChatExchange exchange) => _entry(exchange);
}
