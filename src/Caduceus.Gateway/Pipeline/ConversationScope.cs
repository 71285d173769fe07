using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// Names the pseudonym scope of a request. A client may keep one conversation's tokens stable across requests by
/// sending <c>X-Caduceus-Conversation-Id</c>; the scope is always bound to the caller's application and key, so no
/// caller can name, and have restored, another caller's conversation.
/// </summary>
internal static class ConversationScope
{
    public const string HeaderName = "X-Caduceus-Conversation-Id";
    public const int MaxLength = 128;

    /// <summary>The client's conversation id (validated), or null when it sent none.</summary>
    public static bool TryGetClientId(ChatExchange exchange, out string? conversationId, out string? problem) =>
        TryGetClientId(exchange.HttpContext, out conversationId, out problem);

    /// <summary>The client's conversation id (validated), or null when it sent none.</summary>
    public static bool TryGetClientId(HttpContext context, out string? conversationId, out string? problem)
    {
        conversationId = null;
        problem = null;
        if (!context.Request.Headers.TryGetValue(HeaderName, out StringValues values))
        {
            return true;
        }

        var value = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || value.Any(char.IsControl))
        {
            problem = $"{HeaderName} must be one value of 1 to {MaxLength} printable characters.";
            return false;
        }

        conversationId = value;
        return true;
    }

    /// <summary>The vault scope id for this caller and conversation; a fresh one per request without a conversation id.</summary>
    public static string IdFor(ChatExchange exchange, string? conversationId) =>
        IdFor(exchange.ApplicationName, exchange.KeyId, conversationId ?? Guid.NewGuid().ToString("N"));

    /// <summary>The scope id of a named conversation of one caller (application and key).</summary>
    public static string IdFor(string applicationName, string keyId, string conversationId) =>
        string.Join('\n', applicationName, keyId, conversationId);
}
