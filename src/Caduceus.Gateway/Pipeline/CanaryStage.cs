namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// Plants the conversation's canary at the start of the first system (or developer) message (a model that recites its
/// instructions usually starts at the top, so a stream is stopped before the rest follows), after the input was
/// inspected (so the marker is never mistaken for an identifier) and before it is forwarded. A request with no
/// system prompt has no instructions to leak and gets none. Off when the application's policy says so.
/// </summary>
internal sealed class CanaryStage(CanaryKey key) : IChatStage
{
    public ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        if (exchange.Application.Policy.CanaryTokens
            && exchange.Texts.FirstOrDefault(t => t.Source == Detection.TextSource.System) is { } systemPrompt)
        {
            var canary = CanaryToken.For(key.Bytes, exchange.ApplicationName, exchange.ConversationId);
            systemPrompt.Replace(canary.Marker + "\n\n" + systemPrompt.Text);
            exchange.Canary = canary;
        }

        return next(exchange);
    }
}
