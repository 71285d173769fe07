using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Keys;

/// <summary>The JSON shape of keys, shared by the admin API and the CLI so both print the same fields (snake_case).</summary>
[JsonSerializable(typeof(ApiKeyView))]
[JsonSerializable(typeof(IssuedApiKeyView))]
[JsonSerializable(typeof(ApiKeyListView))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
public sealed partial class ApiKeyJsonContext : JsonSerializerContext;
