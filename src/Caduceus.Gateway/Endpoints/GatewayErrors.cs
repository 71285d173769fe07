using System.Text.Json;
using Caduceus.Gateway.Admin;
using Caduceus.Gateway.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Caduceus.Gateway.Endpoints;

/// <summary>
/// Writes refusals and failures: in the OpenAI error shape, so OpenAI clients surface them as API errors, except on
/// the admin API, which answers with RFC 9457 problem details. Both carry the same code and event id.
/// </summary>
internal static class GatewayErrors
{
    public const string EventIdHeader = "X-Caduceus-Event-Id";

    public static async Task WriteAsync(HttpContext context, int statusCode, string code, string message, string? eventId = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = statusCode;
        RequestAudit.Of(context)?.Refused(code);
        if (eventId is not null)
        {
            context.Response.Headers[EventIdHeader] = eventId;
        }

        if (AdminApi.Owns(context.Request.Path))
        {
            context.Response.ContentType = "application/problem+json";
            var problem = new ProblemBody("about:blank", ReasonPhrases.GetReasonPhrase(statusCode), statusCode, message, code, eventId);
            await JsonSerializer.SerializeAsync(context.Response.Body, problem, GatewayJsonContext.Default.ProblemBody, context.RequestAborted);
            return;
        }

        context.Response.ContentType = "application/json";
        var body = Body(statusCode, code, message, eventId);
        await JsonSerializer.SerializeAsync(context.Response.Body, body, GatewayJsonContext.Default.OpenAIErrorBody, context.RequestAborted);
    }

    /// <summary>The error envelope as JSON text, for use inside a server-sent event.</summary>
    public static string Serialize(int statusCode, string code, string message, string? eventId) =>
        JsonSerializer.Serialize(Body(statusCode, code, message, eventId), GatewayJsonContext.Default.OpenAIErrorBody);

    private static OpenAIErrorBody Body(int statusCode, string code, string message, string? eventId) =>
        new(new OpenAIError(message, ErrorType(statusCode), null, code, eventId));

    private static string ErrorType(int statusCode) => statusCode switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        429 => "rate_limit_error",
        >= 500 => "api_error",
        _ => "invalid_request_error",
    };
}
