using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Caduceus.Gateway.Endpoints;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Admin;

/// <summary>Results and request reading shared by the admin endpoints.</summary>
internal static class AdminResults
{
    public static IResult Problem(int statusCode, string code, string detail, string? eventId = null) => new ProblemResult(statusCode, code, detail, eventId);

    public static IResult InvalidRequest(string detail) => Problem(StatusCodes.Status400BadRequest, RefusalCodes.InvalidRequest, detail);

    public static IResult NotFound(string id) => Problem(StatusCodes.Status404NotFound, "not_found", $"There is no key with id '{id}'.");

    /// <summary>
    /// Reads a JSON body; an empty body reads as null when <paramref name="optional"/>. A body that is not what the
    /// endpoint takes gives an error result naming where, never quoting the content.
    /// </summary>
    public static async Task<(T? Value, IResult? Error)> ReadBodyAsync<T>(HttpContext context, JsonTypeInfo<T> type, bool optional)
        where T : class
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return optional ? (null, null) : (null, InvalidRequest("A JSON body is required."));
        }

        try
        {
            var value = JsonSerializer.Deserialize(text, type);
            return value is null ? (null, InvalidRequest("The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? string.Empty : $" (at {exception.Path})";
            return (null, InvalidRequest($"The body is not a valid request for this endpoint{where}; see the README for its fields."));
        }
    }

    private sealed class ProblemResult(int statusCode, string code, string detail, string? eventId) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => GatewayErrors.WriteAsync(httpContext, statusCode, code, detail, eventId);
    }
}
