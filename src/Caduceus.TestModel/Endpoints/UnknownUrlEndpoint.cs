using Caduceus.TestModel.Protocol;
using Microsoft.AspNetCore.Http;

namespace Caduceus.TestModel.Endpoints;

/// <summary>Every other path or method: 404 in the OpenAI error shape, as the real API answers.</summary>
internal static class UnknownUrlEndpoint
{
    public const string Pattern = "{**path}";

    public static Task HandleAsync(HttpContext context) =>
        new OpenAiError(
                StatusCodes.Status404NotFound,
                $"Invalid URL ({context.Request.Method} {context.Request.Path}).",
                OpenAiError.InvalidRequestType,
                null,
                "unknown_url")
            .WriteAsync(context.Response, context.RequestAborted);
}
