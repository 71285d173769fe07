using System.Text.Json;
using System.Text.Json.Nodes;
using Caduceus.Detection;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Endpoints;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// Reads the body as JSON and finds every text in it: string contents, text parts of array contents,
/// tool results. Unknown fields are kept so they reach the model untouched.
/// </summary>
internal sealed class ChatRequestParseStage(IOptions<GatewayOptions> options) : IChatStage
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };
    private readonly long _maxBytes = options.Value.Limits.MaxRequestBodyBytes;

    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        var context = exchange.HttpContext;
        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(context.Request.Body, nodeOptions: null, DocumentOptions, exchange.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RequestSizeLimitStage.TooLargeAsync(context, _maxBytes);
            return;
        }
        catch (JsonException)
        {
            // The parser's message can quote the body, which may hold PHI: answer with a fixed text.
            await InvalidAsync(context, "The request body is not valid JSON.");
            return;
        }

        if (!ConversationScope.TryGetClientId(exchange, out var conversationId, out var headerProblem))
        {
            await InvalidAsync(context, headerProblem!);
            return;
        }

        exchange.ConversationId = conversationId;
        var error = Describe(root, exchange);
        if (error is not null)
        {
            await InvalidAsync(context, error);
            return;
        }

        await next(exchange);
    }

    private static string? Describe(JsonNode? root, ChatExchange exchange)
    {
        if (root is not JsonObject body)
        {
            return "The request body must be a JSON object.";
        }

        if (body["messages"] is not JsonArray messages || messages.Count == 0)
        {
            return "'messages' must be a non-empty array.";
        }

        if (body["stream"] is JsonNode stream && stream.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return "'stream' must be a boolean.";
        }

        exchange.Body = body;
        exchange.Stream = body["stream"]?.GetValue<bool>() ?? false;
        exchange.MessageCount = messages.Count;
        for (var i = 0; i < messages.Count; i++)
        {
            var problem = CollectTexts(messages[i], i, exchange.Texts);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CollectTexts(JsonNode? node, int index, List<ChatText> texts)
    {
        if (node is not JsonObject message)
        {
            return $"messages[{index}] must be an object.";
        }

        if (message["role"] is not JsonValue roleValue || !roleValue.TryGetValue<string>(out var role))
        {
            return $"messages[{index}].role must be a string.";
        }

        var source = SourceOf(role);
        if (source is null)
        {
            return $"messages[{index}].role must be one of system, developer, user, assistant, tool, function.";
        }

        switch (message["content"])
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue<string>(out var text):
                texts.Add(new ChatText(message, "content", source.Value, text));
                return null;
            case JsonArray parts:
                return CollectParts(parts, index, source.Value, texts);
            default:
                return $"messages[{index}].content must be a string, an array of parts, or null.";
        }
    }

    private static string? CollectParts(JsonArray parts, int index, TextSource source, List<ChatText> texts)
    {
        for (var p = 0; p < parts.Count; p++)
        {
            if (parts[p] is not JsonObject part)
            {
                return $"messages[{index}].content[{p}] must be an object.";
            }

            if (part["text"] is JsonNode textNode)
            {
                if (textNode is not JsonValue textValue || !textValue.TryGetValue<string>(out var text))
                {
                    return $"messages[{index}].content[{p}].text must be a string.";
                }

                texts.Add(new ChatText(part, "text", source, text));
            }
        }

        return null;
    }

    private static TextSource? SourceOf(string role) => role switch
    {
        "user" => TextSource.User,
        "system" or "developer" => TextSource.System,
        "assistant" => TextSource.Assistant,
        "tool" or "function" => TextSource.Tool,
        _ => null,
    };

    private static Task InvalidAsync(HttpContext context, string message) =>
        GatewayErrors.WriteAsync(context, StatusCodes.Status400BadRequest, RefusalCodes.InvalidRequest, message);
}
