using System.Text.Json.Serialization;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>The JSON shape of feed states (snake_case), for the admin API.</summary>
[JsonSerializable(typeof(IReadOnlyList<ThreatFeedState>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
internal sealed partial class ThreatIntelJsonContext : JsonSerializerContext;
