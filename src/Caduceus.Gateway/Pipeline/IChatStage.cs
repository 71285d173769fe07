namespace Caduceus.Gateway.Pipeline;

/// <summary>The rest of the pipeline after a stage.</summary>
internal delegate ValueTask ChatStageDelegate(ChatExchange exchange);

/// <summary>
/// One step of the chat pipeline with one job. A stage either calls <c>next</c> or answers the client itself
/// (a refusal) and stops the exchange there.
/// </summary>
internal interface IChatStage
{
    ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next);
}
