using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Endpoints;

/// <summary>The OpenAI error envelope, <c>{"error": {...}}</c>, with the event id a client can quote.</summary>
internal sealed record OpenAIErrorBody([property: JsonPropertyName("error")] OpenAIError Error);

internal sealed record OpenAIError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("param")] string? Param,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("event_id")] string? EventId);

[JsonSerializable(typeof(OpenAIErrorBody))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
