using System.Text.Json.Serialization;

namespace Caduceus.Evaluation.Hygiene;

[JsonSerializable(typeof(TrainingCard))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
public sealed partial class TrainingCardJsonContext : JsonSerializerContext;
