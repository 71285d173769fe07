using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Drills;

/// <summary>The JSON shape of drill schedules and results (snake_case), for the admin API and the stored categories.</summary>
[JsonSerializable(typeof(DrillResult))]
[JsonSerializable(typeof(IReadOnlyList<DrillResult>))]
[JsonSerializable(typeof(Dictionary<string, DrillCategoryResult>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(DrillScheduleView))]
[JsonSerializable(typeof(IReadOnlyList<DrillScheduleView>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
internal sealed partial class DrillJsonContext : JsonSerializerContext;
