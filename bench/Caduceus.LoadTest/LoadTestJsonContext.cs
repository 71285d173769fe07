using System.Text.Json.Serialization;

namespace Caduceus.LoadTest;

/// <summary>Source-generated JSON for the report.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoadTestReport))]
[JsonSerializable(typeof(VariantReport))]
internal sealed partial class LoadTestJsonContext : JsonSerializerContext;
