using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Incidents;

/// <summary>The JSON shape of incidents (snake_case, enums as names), shared by the admin API and the CLI.</summary>
[JsonSerializable(typeof(Incident))]
[JsonSerializable(typeof(IReadOnlyList<Incident>))]
[JsonSerializable(typeof(IncidentActionRecord))]
[JsonSerializable(typeof(IncidentEvent))]
[JsonSerializable(typeof(IncidentActionRequest))]
[JsonSerializable(typeof(IncidentNotificationRequest))]
[JsonSerializable(typeof(Drill))]
[JsonSerializable(typeof(IReadOnlyList<Drill>))]
[JsonSerializable(typeof(DrillRequest))]
[JsonSerializable(typeof(ContainmentBlock))]
[JsonSerializable(typeof(IReadOnlyList<ContainmentBlock>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
public sealed partial class IncidentJsonContext : JsonSerializerContext;
