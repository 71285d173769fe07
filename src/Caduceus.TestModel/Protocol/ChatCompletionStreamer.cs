using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Caduceus.TestModel.Protocol;

/// <summary>
/// Streams a completion as OpenAI does: a role chunk, content deltas, tool call deltas (start, then argument
/// fragments), a finish chunk, the usage chunk when asked for, then <c>[DONE]</c>.
/// </summary>
internal static class ChatCompletionStreamer
{
    public static async Task WriteAsync(
        HttpResponse response,
        CompletionResult completion,
        bool includeUsage,
        int chunkSize,
        TimeSpan chunkDelay,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var chunks = new ChatCompletionChunkJson(completion, includeUsage);
        using var events = new ServerSentEventWriter(response.BodyWriter);

        await events.WriteJsonEventAsync(chunks.WriteRole, cancellationToken);

        var content = completion.Content ?? "";
        foreach (var range in TextChunks.Split(content, chunkSize))
        {
            await PauseAsync(chunkDelay, timeProvider, cancellationToken);
            await events.WriteJsonEventAsync(w => chunks.WriteContent(w, content.AsSpan()[range]), cancellationToken);
        }

        for (var index = 0; index < completion.ToolCalls.Count; index++)
        {
            var call = completion.ToolCalls[index];
            var callIndex = index;
            await PauseAsync(chunkDelay, timeProvider, cancellationToken);
            await events.WriteJsonEventAsync(w => chunks.WriteToolCallStart(w, callIndex, call), cancellationToken);
            foreach (var range in TextChunks.Split(call.Arguments, chunkSize))
            {
                await PauseAsync(chunkDelay, timeProvider, cancellationToken);
                await events.WriteJsonEventAsync(w => chunks.WriteToolCallArguments(w, callIndex, call.Arguments.AsSpan()[range]), cancellationToken);
            }
        }

        await PauseAsync(chunkDelay, timeProvider, cancellationToken);
        await events.WriteJsonEventAsync(chunks.WriteFinish, cancellationToken);
        if (includeUsage)
        {
            await events.WriteJsonEventAsync(chunks.WriteUsage, cancellationToken);
        }

        await events.WriteDoneAsync(cancellationToken);
    }

    private static Task PauseAsync(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, timeProvider, cancellationToken) : Task.CompletedTask;
}
