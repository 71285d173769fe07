using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Admin;

/// <summary>Body of <c>POST /admin/keys</c>: <c>{"application": "...", "roles": ["clinician"], "label": "...", "expires_in": "30d"}</c>.</summary>
internal sealed record CreateApiKeyRequest(string? Application, IReadOnlyList<string>? Roles, string? Label, string? ExpiresIn);

/// <summary>Optional body of <c>POST /admin/keys/{id}/rotate</c>: <c>{"grace": "10m"}</c>.</summary>
internal sealed record RotateApiKeyRequest(string? Grace);

/// <summary>
/// Request bodies of the admin API. A field the API does not know is an error rather than ignored, so a typo such as
/// <c>"role"</c> for <c>"roles"</c> cannot quietly create a key with other access than intended.
/// </summary>
[JsonSerializable(typeof(CreateApiKeyRequest))]
[JsonSerializable(typeof(RotateApiKeyRequest))]
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
