using System.Text.Json;
using Caduceus.TestModel.Protocol;
using Caduceus.TestModel.Scripting;
using Microsoft.AspNetCore.Http;

namespace Caduceus.TestModel.Endpoints;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{model}</c>: the default model plus the script's.</summary>
internal sealed class ModelsEndpoint(IResponsePlanner script, TimeProvider timeProvider)
{
    public const string ListPattern = "/v1/models";
    public const string ModelRouteValue = "model";
    public const string GetPattern = "/v1/models/{**" + ModelRouteValue + "}";
    private const string Owner = "caduceus";

    // Every model is "created" when the server started, so repeated listings agree.
    private readonly long _created = timeProvider.GetUtcNow().ToUnixTimeSeconds();

    public Task ListAsync(HttpContext context) =>
        JsonResponse.WriteAsync(context.Response, StatusCodes.Status200OK, WriteList, context.RequestAborted);

    public Task GetAsync(HttpContext context)
    {
        var requested = context.Request.RouteValues[ModelRouteValue] as string;
        var model = script.Models.FirstOrDefault(m => string.Equals(m, requested, StringComparison.Ordinal));
        if (model is null)
        {
            return new OpenAiError(StatusCodes.Status404NotFound, $"The model '{requested}' does not exist.", OpenAiError.InvalidRequestType, "model", "model_not_found")
                .WriteAsync(context.Response, context.RequestAborted);
        }

        return JsonResponse.WriteAsync(context.Response, StatusCodes.Status200OK, w => WriteModel(w, model), context.RequestAborted);
    }

    private void WriteList(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("object", "list");
        writer.WriteStartArray("data");
        foreach (var model in script.Models)
        {
            WriteModel(writer, model);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteModel(Utf8JsonWriter writer, string model)
    {
        writer.WriteStartObject();
        writer.WriteString("id", model);
        writer.WriteString("object", "model");
        writer.WriteNumber("created", _created);
        writer.WriteString("owned_by", Owner);
        writer.WriteEndObject();
    }
}
