using System.Text.Json;
using System.Text.RegularExpressions;
using Caduceus.TestModel.Hosting;
using Caduceus.TestModel.Protocol;
using Caduceus.TestModel.Scripting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.TestModel.Endpoints;

/// <summary><c>POST /v1/chat/completions</c>: parse, let the script decide, stall if asked, answer whole or streamed.</summary>
internal sealed class ChatCompletionsEndpoint(
    IResponsePlanner script,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<ChatCompletionsEndpoint> logger)
{
    public const string Pattern = "/v1/chat/completions";

    public async Task HandleAsync(HttpContext context)
    {
        // A stall or a slow stream ends when the client goes away or the server stops, whichever comes first.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await RespondAsync(context, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            TestModelLog.EndedEarly(logger);
            context.Abort();
        }
    }

    private async Task RespondAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = await ReadRequestAsync(context, cancellationToken);
        if (request is null)
        {
            return;
        }

        ResponsePlan plan;
        try
        {
            plan = script.Plan(request);
        }
        catch (RegexMatchTimeoutException ex)
        {
            TestModelLog.RuleTimedOut(logger, ex.MatchTimeout, ex.Pattern);
            await OpenAiError.Scripted(StatusCodes.Status500InternalServerError, "A test model script rule timed out matching the request.")
                .WriteAsync(context.Response, cancellationToken);
            return;
        }

        TestModelLog.Answering(logger, plan.RuleIndex, request.Stream);
        if (plan.Delay > TimeSpan.Zero)
        {
            await Task.Delay(plan.Delay, timeProvider, cancellationToken);
        }

        if (plan.Error is not null)
        {
            await plan.Error.WriteAsync(context.Response, cancellationToken);
            return;
        }

        var completion = new CompletionResult(
            OpenAiIds.NewCompletionId(),
            timeProvider.GetUtcNow().ToUnixTimeSeconds(),
            request.Model,
            plan.Content,
            plan.ToolCalls,
            plan.FinishReason,
            TokenEstimator.Estimate(request, plan.Content, plan.ToolCalls));

        if (request.Stream)
        {
            await ChatCompletionStreamer.WriteAsync(
                context.Response, completion, request.IncludeUsage, plan.ChunkSize, plan.ChunkDelay, timeProvider, cancellationToken);
        }
        else
        {
            await JsonResponse.WriteAsync(
                context.Response, StatusCodes.Status200OK, w => ChatCompletionJson.Write(w, completion), cancellationToken);
        }
    }

    /// <summary>Parses the body; on a bad request writes the OpenAI error and returns null.</summary>
    private async Task<ChatRequest?> ReadRequestAsync(HttpContext context, CancellationToken cancellationToken)
    {
        OpenAiError? error;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, cancellationToken);
            if (ChatRequestParser.TryParse(document.RootElement, out var request, out error))
            {
                return request;
            }
        }
        catch (JsonException ex)
        {
            // The parser's own message can quote body characters; say only where parsing failed.
            error = OpenAiError.InvalidRequest(
                $"We could not parse the JSON body of your request (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).",
                null,
                "invalid_json");
        }

        TestModelLog.Rejected(logger, error.Code, error.Param);
        await error.WriteAsync(context.Response, cancellationToken);
        return null;
    }
}
