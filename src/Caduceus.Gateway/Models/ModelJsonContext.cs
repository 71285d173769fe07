using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Models;

/// <summary>The JSON shape of inventory entries, shared by the admin API and the CLI (snake_case).</summary>
[JsonSerializable(typeof(ModelEntryView))]
[JsonSerializable(typeof(ModelListView))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
public sealed partial class ModelJsonContext : JsonSerializerContext;
