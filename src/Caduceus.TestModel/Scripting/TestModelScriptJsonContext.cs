using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caduceus.TestModel.Scripting;

/// <summary>
/// Strict, source-generated JSON settings for scripts: camelCase names, unknown properties rejected so typos
/// are caught, comments and trailing commas allowed because scripts are written by hand. Populate handling
/// fills the get-only collections (<see cref="TestModelScript.Rules"/> and the like), which are otherwise skipped.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true,
    PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate)]
[JsonSerializable(typeof(TestModelScript))]
internal sealed partial class TestModelScriptJsonContext : JsonSerializerContext;
