using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Training;

/// <summary>The JSON shape of training records, shared by the admin API and the CLI (snake_case).</summary>
[JsonSerializable(typeof(TrainingPeopleView))]
[JsonSerializable(typeof(TrainingPersonView))]
[JsonSerializable(typeof(TrainingReportView))]
[JsonSerializable(typeof(TrainingCompletionView))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
public sealed partial class TrainingJsonContext : JsonSerializerContext;
