using System.Text.Json.Serialization;

namespace Caduceus.Gateway.Admin;

/// <summary>Body of <c>PUT /admin/training/people</c>: adds the person or replaces their name and roles.</summary>
internal sealed record PutTrainingPersonRequest(string? Id, string? DisplayName, IReadOnlyList<string?>? Roles);

/// <summary>Body of <c>POST /admin/training/completions</c>; <c>completed_on</c> defaults to today.</summary>
internal sealed record RecordCompletionRequest(string? Person, string? Course, string? CompletedOn, string? Evidence);

/// <summary>Request bodies of <c>/admin/training</c>; an unknown field is an error, as for keys and models.</summary>
[JsonSerializable(typeof(PutTrainingPersonRequest))]
[JsonSerializable(typeof(RecordCompletionRequest))]
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
internal sealed partial class AdminTrainingJsonContext : JsonSerializerContext;
