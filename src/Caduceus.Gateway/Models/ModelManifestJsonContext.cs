using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Models;

[JsonSerializable(typeof(ModelManifest))]
[JsonSerializable(typeof(ModelIntegrityReport))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, UseStringEnumConverter = true)]
public sealed partial class ModelManifestJsonContext : JsonSerializerContext;
