using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Caduceus.TestModel.Protocol;

/// <summary>An error answered in the OpenAI shape: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal sealed record OpenAiError(int Status, string Message, string Type, string? Param, string? Code)
{
    public const string InvalidRequestType = "invalid_request_error";

    public static OpenAiError InvalidRequest(string message, string? param, string? code) =>
        new(StatusCodes.Status400BadRequest, message, InvalidRequestType, param, code);

    /// <summary>An error a script asked for; the type follows what OpenAI sends for that status.</summary>
    public static OpenAiError Scripted(int status, string message) => status switch
    {
        >= 500 => new(status, message, "server_error", null, null),
        StatusCodes.Status429TooManyRequests => new(status, message, "requests", null, "rate_limit_exceeded"),
        StatusCodes.Status401Unauthorized => new(status, message, InvalidRequestType, null, "invalid_api_key"),
        _ => new(status, message, InvalidRequestType, null, null),
    };

    public Task WriteAsync(HttpResponse response, CancellationToken cancellationToken) =>
        JsonResponse.WriteAsync(response, Status, Write, cancellationToken);

    private void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", Message);
        writer.WriteString("type", Type);
        writer.WriteString("param", Param);
        writer.WriteString("code", Code);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
