using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Endpoints;

/// <summary>RFC 9457 problem details, with the gateway's refusal code and the event id a client can quote.</summary>
internal sealed record ProblemBody(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("event_id")] string? EventId);
