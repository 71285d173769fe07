using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Caduceus.TestModel.Scripting;

/// <summary>
/// Turns System.Text.Json's errors from reading a script into short problems in the script's own terms
/// ("unknown property 'mtach'; known: …", "expected an integer") with the JSON path and line.
/// Messages it does not recognise are passed on as they are.
/// </summary>
internal static partial class ScriptJsonErrors
{
    private static readonly Dictionary<string, JsonTypeInfo> ScriptTypes = new[]
    {
        (JsonTypeInfo)TestModelScriptJsonContext.Default.TestModelScript,
        TestModelScriptJsonContext.Default.TestModelRule,
        TestModelScriptJsonContext.Default.TestModelToolCall,
    }.ToDictionary(info => info.Type.FullName!, StringComparer.Ordinal);

    public static string Describe(JsonException exception)
    {
        var message = exception.Message;

        // System.Text.Json appends " Path: … | LineNumber: … | BytePositionInLine: …." itself; the location is printed our way below.
        var suffix = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        message = message.TrimEnd('.');
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            message = $"unknown property '{unmapped.Groups["name"].Value}'{KnownProperties(unmapped.Groups["type"].Value)}";
        }
        else if (UnconvertibleValue().Match(message) is { Success: true } unconvertible)
        {
            message = $"wrong kind of value; expected {Expected(unconvertible.Groups["type"].Value)}";
        }

        var location = exception.LineNumber is { } line
            ? $" (at {exception.Path ?? "$"}, line {line + 1}, position {exception.BytePositionInLine.GetValueOrDefault() + 1})"
            : exception.Path is { } path ? $" (at {path})" : "";

        return $"invalid JSON: {message}{location}";
    }

    /// <summary>Describes the "cannot assign null" error System.Text.Json raises for <c>"rules": null</c> and the like.</summary>
    public static string Describe(InvalidOperationException exception) =>
        exception.Message.StartsWith("Unable to assign 'null'", StringComparison.Ordinal)
            ? "invalid JSON: null is not allowed where a list is expected (models, rules, toolCalls)"
            : $"invalid JSON: {exception.Message}";

    private static string KnownProperties(string typeName) =>
        ScriptTypes.TryGetValue(typeName, out var info)
            ? $"; known: {string.Join(", ", info.Properties.Select(p => p.Name))}"
            : "";

    private static string Expected(string typeName) => typeName switch
    {
        _ when typeName.Contains(nameof(TestModelMatchTarget), StringComparison.Ordinal) => "\"lastUser\" or \"anyMessage\"",
        _ when typeName.Contains("IList", StringComparison.Ordinal) => "an array",
        _ when typeName.Contains("Int32", StringComparison.Ordinal) => "an integer",
        _ when typeName.Contains("String", StringComparison.Ordinal) => "a string",
        _ when ScriptTypes.ContainsKey(typeName) => "an object",
        _ => typeName,
    };

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member contained in type '(?<type>[^']+)'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnconvertibleValue();
}
