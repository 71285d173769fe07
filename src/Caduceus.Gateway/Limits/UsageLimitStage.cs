using System.Globalization;
using System.Security.Claims;
using Caduceus.Events;
using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Pipeline;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Limits;

/// <summary>
/// Holds each identity to its request rate and token budgets (OWASP LLM10): refuses with 429 and Retry-After once
/// one is used up, reserves the prompt's estimated tokens before the request goes on, and once the answer is known
/// charges what the model reported in <c>usage</c> (or, without it, an estimate of the answer's text).
/// </summary>
internal sealed class UsageLimitStage(
    IUsageCounterStore counters,
    UsageLimitResolver resolver,
    ScheduledDrillKeys drillKeys,
    SecurityEventBus events,
    TimeProvider timeProvider) : IChatStage
{
    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        var context = exchange.HttpContext;
        var limits = resolver.For(exchange.Application, context.User.FindAll(ClaimTypes.Role).Select(role => role.Value));
        limits = drillKeys.LimitsFor(exchange.KeyId, limits) ?? limits;
        if (MaxTokensCeiling.Refusal(exchange.Body!, limits.MaxTokensPerRequest) is { } tooMany)
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status400BadRequest, tooMany.Code, tooMany.Message);
            return;
        }

        var promptTokens = TokenEstimate.OfPrompt(exchange.Texts);
        if (promptTokens > Math.Min(limits.TokensPerHour, limits.TokensPerDay))
        {
            // Waiting would not help: the prompt alone is larger than a whole budget.
            await GatewayErrors.WriteAsync(
                context,
                StatusCodes.Status400BadRequest,
                RefusalCodes.TokenBudgetExceeded,
                $"The request's prompt is about {promptTokens} tokens, more than this caller's whole token budget ({limits.TokensPerHour} per hour, {limits.TokensPerDay} per day).");
            return;
        }

        var admission = await counters.AdmitAsync(exchange.KeyId, limits, promptTokens, exchange.RequestAborted);
        if (!admission.IsAdmitted)
        {
            await RefuseAsync(exchange, admission, limits);
            return;
        }

        try
        {
            await next(exchange);
        }
        finally
        {
            // Charged even when the client left mid-answer: the model produced the tokens all the same.
            var extra = TokensBeyondReservation(exchange, promptTokens);
            if (extra != 0)
            {
                await counters.ChargeAsync(exchange.KeyId, extra, CancellationToken.None);
            }
        }
    }

    private static long TokensBeyondReservation(ChatExchange exchange, long reserved) => exchange.AnswerUsage is { } usage
        ? usage.TotalTokens - reserved
        : TokenEstimate.Of(exchange.AnswerCharacters);

    private async Task RefuseAsync(ChatExchange exchange, UsageAdmission admission, UsageLimits limits)
    {
        var code = admission.RefusalCode!;
        var refused = exchange.NewEvent(SecurityEventTypes.LimitExceeded, code, new Dictionary<string, int>(), [], timeProvider.GetUtcNow());
        events.Publish(refused);
        var seconds = Math.Max(1, (long)Math.Ceiling(admission.RetryAfter.TotalSeconds));
        exchange.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = admission.RefusedBy switch
        {
            UsageLimitKind.RequestRate => $"Rate limit reached: at most {limits.RequestsPerMinute} requests per minute for this caller. Try again in {seconds} s.",
            UsageLimitKind.HourlyTokens => $"Token budget used up: at most {limits.TokensPerHour} tokens per hour for this caller (prompt and answer). Try again in {seconds} s.",
            _ => $"Token budget used up: at most {limits.TokensPerDay} tokens per day for this caller (prompt and answer). Try again in {seconds} s.",
        };
        await GatewayErrors.WriteAsync(exchange.HttpContext, StatusCodes.Status429TooManyRequests, code, message, refused.Id);
    }
}
