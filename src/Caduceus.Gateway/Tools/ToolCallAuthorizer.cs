using System.Text.Json;
using System.Text.RegularExpressions;

namespace Caduceus.Gateway.Tools;

/// <summary>A tool call the model asked for: the function's name and its arguments as the JSON text the model wrote.</summary>
internal sealed record RequestedToolCall(string? Name, string? Arguments);

/// <summary>
/// Checks the tool calls in a model's answer against the application's allow-list before they reach the application:
/// deny by default. The reason returned names only configured tools and arguments, never what the model wrote.
/// </summary>
internal static class ToolCallAuthorizer
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Null when every call is allowed, otherwise why the first refused one was refused.</summary>
    /// <param name="tools">The application's allow-list with argument rules.</param>
    /// <param name="calls">What the model asked for.</param>
    /// <param name="verifiedPatientId">The verified caller's patient id, for <see cref="ArgumentRule.CallerPatientId"/>.</param>
    /// <param name="permitted">The tools the caller's access grant allows; null when the application has no access matrix.</param>
    public static string? Refusal(
        IReadOnlyDictionary<string, ToolPolicyOptions> tools, IEnumerable<RequestedToolCall> calls, string? verifiedPatientId, IReadOnlySet<string>? permitted = null)
    {
        foreach (var call in calls)
        {
            if (call.Name is null || !tools.TryGetValue(call.Name, out var tool))
            {
                return "the model asked for a tool that is not on the application's allow-list";
            }

            if (permitted is not null && !permitted.Contains(call.Name))
            {
                return $"the caller's role and purpose of use do not allow tool '{call.Name}'";
            }

            if (Arguments(call.Arguments) is not { } arguments)
            {
                return $"the arguments of tool '{call.Name}' are not a JSON object";
            }

            foreach (var (name, value) in arguments)
            {
                if (!tool.Arguments.TryGetValue(name, out var rule))
                {
                    return $"tool '{call.Name}' was given an argument it does not allow";
                }

                if (!Allows(rule, value, verifiedPatientId))
                {
                    return $"argument '{name}' of tool '{call.Name}' has a value its rule does not allow";
                }
            }
        }

        return null;
    }

    private static bool Allows(ArgumentRule rule, JsonElement value, string? verifiedPatientId)
    {
        if (rule.Any)
        {
            return true;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        if (text is null)
        {
            return false;
        }

        return (rule.CallerPatientId && verifiedPatientId is not null && string.Equals(text, verifiedPatientId, StringComparison.Ordinal))
            || rule.Values.Contains(text, StringComparer.Ordinal)
            || (rule.Pattern is { } pattern && MatchesWhole(pattern, text));
    }

    private static bool MatchesWhole(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Dictionary<string, JsonElement>? Arguments(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!arguments.TryAdd(property.Name, property.Value.Clone()))
                {
                    return null;
                }
            }

            return arguments;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
