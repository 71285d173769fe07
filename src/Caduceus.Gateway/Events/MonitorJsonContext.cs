using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Events;

/// <summary>The JSON shape of <c>/monitor/events</c> (snake_case), shared by the gateway and <c>caduceus monitor</c>.</summary>
[JsonSerializable(typeof(MonitorEventPage))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
public sealed partial class MonitorJsonContext : JsonSerializerContext;
