using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Caduceus.RedTeam.Running;

/// <summary>Sends one drill request to a target over HTTP and reads the answer, whole or streamed, within the budget.</summary>
internal sealed class ChatProbe(HttpClient http, DrillTarget target, DrillBudget budget)
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    public async Task<TargetReply> SendAsync(DrillCase drillCase, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(drillCase.Stream ? budget.StreamTime : budget.RequestTime);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.BaseAddress, "chat/completions"))
        {
            Content = new StringContent(Body(drillCase).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (target.ApiKey is { } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var reply = !response.IsSuccessStatusCode
                ? await RefusalAsync(response, timeout.Token)
                : response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                    ? await ReadStreamAsync(response, timeout.Token)
                    : await ReadWholeAsync(response, timeout.Token);
            return reply with { Elapsed = watch.Elapsed };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Still answering when the budget ran out: the target let the request hold it (and us) open.
            return new TargetReply { HeldOpen = true, Elapsed = watch.Elapsed };
        }
        catch (HttpRequestException exception)
        {
            // A target may refuse an oversized request by closing the connection.
            return new TargetReply { Refused = true, Status = (int?)exception.StatusCode, ErrorCode = "connection_closed", Elapsed = watch.Elapsed };
        }
        catch (IOException)
        {
            return new TargetReply { Refused = true, ErrorCode = "connection_closed", Elapsed = watch.Elapsed };
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            // JSON of an unexpected shape (a number where a string belongs, ...): no usable answer, and no crash.
            return new TargetReply { Refused = true, ErrorCode = "invalid_response", Elapsed = watch.Elapsed };
        }
    }

    private JsonObject Body(DrillCase drillCase)
    {
        var messages = new JsonArray();
        foreach (var message in drillCase.Messages)
        {
            var node = new JsonObject { ["role"] = message.Role, ["content"] = message.Content };
            if (message.CallsTool is { } tool)
            {
                node["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = message.ToolCallId,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = tool, ["arguments"] = "{}" },
                });
            }
            else if (message.ToolCallId is { } callId)
            {
                node["tool_call_id"] = callId;
            }

            messages.Add(node);
        }

        var body = new JsonObject { ["model"] = target.Model, ["messages"] = messages };
        if (drillCase.Stream)
        {
            body["stream"] = true;
        }

        if (drillCase.MaxTokens is { } maxTokens)
        {
            body["max_tokens"] = maxTokens;
        }

        var tools = drillCase.Messages.Any(m => m.CallsTool is not null) ? drillCase.Tools.Prepend("get_appointments") : drillCase.Tools;
        if (tools.Any())
        {
            body["tools"] = new JsonArray([.. tools.Select(name => (JsonNode)new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = name, ["parameters"] = new JsonObject { ["type"] = "object" } },
            })]);
        }

        return body;
    }

    private static async Task<TargetReply> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await ReadCappedAsync(response.Content, MaxErrorBodyBytes, cancellationToken);
        return new TargetReply { Status = (int)response.StatusCode, Refused = true, ErrorCode = ErrorCode(text) };
    }

    private async Task<TargetReply> ReadWholeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Four characters per byte is more than JSON ever packs, so this cap still shows a too-large answer.
        var text = await ReadCappedAsync(response.Content, (budget.MaxAnswerCharacters * 4) + MaxErrorBodyBytes, cancellationToken);
        var content = new StringBuilder();
        var calls = new List<(string, string)>();
        try
        {
            if (JsonNode.Parse(text)?["choices"] is JsonArray choices)
            {
                foreach (var message in choices.Select(c => c?["message"]))
                {
                    content.Append(message?["content"]?.GetValueKind() == JsonValueKind.String ? message["content"]!.GetValue<string>() : "");
                    AddToolCalls(message?["tool_calls"], calls);
                }
            }
        }
        catch (JsonException)
        {
            // Cut off by the cap, or not JSON: judge what arrived as text.
            content.Append(text);
        }

        return new TargetReply
        {
            Status = (int)response.StatusCode,
            Content = content.ToString(),
            ToolCalls = calls,
            TooLarge = content.Length > budget.MaxAnswerCharacters,
        };
    }

    private async Task<TargetReply> ReadStreamAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var content = new StringBuilder();
        var calls = new Dictionary<int, (string Name, StringBuilder Arguments)>();
        string? error = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue;
            }

            var data = line[5..].Trim();
            if (data == "[DONE]")
            {
                break;
            }

            JsonNode? chunk;
            try
            {
                chunk = JsonNode.Parse(data);
            }
            catch (JsonException)
            {
                continue;
            }

            if (chunk?["error"] is JsonObject errorObject)
            {
                error = errorObject["code"]?.ToString() ?? "stream_error";
                break;
            }

            foreach (var delta in (chunk?["choices"] as JsonArray ?? []).Select(c => c?["delta"]))
            {
                if (delta?["content"] is JsonValue value && value.TryGetValue<string>(out var piece))
                {
                    content.Append(piece);
                }

                foreach (var call in delta?["tool_calls"] as JsonArray ?? [])
                {
                    var index = call?["index"]?.GetValue<int>() ?? 0;
                    var entry = calls.TryGetValue(index, out var existing) ? existing : ("", new StringBuilder());
                    var name = call?["function"]?["name"]?.GetValue<string>();
                    calls[index] = (string.IsNullOrEmpty(name) ? entry.Item1 : name, entry.Item2.Append(call?["function"]?["arguments"]?.GetValue<string>()));
                }
            }

            if (content.Length > budget.MaxAnswerCharacters)
            {
                break;
            }
        }

        return new TargetReply
        {
            Status = (int)response.StatusCode,
            Refused = error is not null,
            ErrorCode = error,
            Content = content.ToString(),
            ToolCalls = [.. calls.Values.Select(c => (c.Name, c.Arguments.ToString()))],
            TooLarge = content.Length > budget.MaxAnswerCharacters,
        };
    }

    private static void AddToolCalls(JsonNode? toolCalls, List<(string, string)> calls)
    {
        foreach (var call in toolCalls as JsonArray ?? [])
        {
            calls.Add((call?["function"]?["name"]?.ToString() ?? "", call?["function"]?["arguments"]?.ToString() ?? ""));
        }
    }

    private static string? ErrorCode(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            return node?["error"]?["code"]?.ToString() ?? node?["code"]?.ToString();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[maxBytes];
        var total = 0;
        int read;
        while (total < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
