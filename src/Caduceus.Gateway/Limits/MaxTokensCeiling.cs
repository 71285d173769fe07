using System.Text.Json;
using System.Text.Json.Nodes;
using Caduceus.Policy;

namespace Caduceus.Gateway.Limits;

/// <summary>Checks a request's asked-for answer length (<c>max_tokens</c>, <c>max_completion_tokens</c>) against the ceiling.</summary>
internal static class MaxTokensCeiling
{
    private static readonly string[] Fields = ["max_tokens", "max_completion_tokens"];

    /// <summary>The refusal code and why, when the request asks for too much or says it badly; null when it is fine.</summary>
    public static (string Code, string Message)? Refusal(JsonObject body, int ceiling)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var field in Fields)
        {
            if (body[field] is not JsonNode node || node.GetValueKind() == JsonValueKind.Null)
            {
                continue;
            }

            if (node is not JsonValue value || !value.TryGetValue<long>(out var asked) || asked < 1)
            {
                return (RefusalCodes.InvalidRequest, $"'{field}' must be a positive whole number.");
            }

            if (asked > ceiling)
            {
                return (RefusalCodes.MaxTokensTooLarge, $"'{field}' asks for {asked} tokens; at most {ceiling} per request are allowed.");
            }
        }

        return null;
    }
}
