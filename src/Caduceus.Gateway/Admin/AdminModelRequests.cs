using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Admin;

/// <summary>Body of <c>POST /admin/models</c>.</summary>
internal sealed record CreateModelRequest(
    string? Application,
    string? Model,
    string? Version,
    string? Owner,
    string? IntendedUse,
    bool? PhiAllowed,
    string? RiskTier,
    string? LastReviewed,
    bool? Default);

/// <summary>Body of <c>PATCH /admin/models/{application}/{model}</c>: the fields to change.</summary>
internal sealed record UpdateModelRequest(
    string? Version,
    string? Owner,
    string? IntendedUse,
    bool? PhiAllowed,
    string? RiskTier,
    string? LastReviewed,
    bool? Default);

/// <summary>Request bodies of <c>/admin/models</c>; an unknown field is an error, as for keys.</summary>
[JsonSerializable(typeof(CreateModelRequest))]
[JsonSerializable(typeof(UpdateModelRequest))]
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
internal sealed partial class AdminModelJsonContext : JsonSerializerContext;
