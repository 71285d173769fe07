using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Caduceus.Evaluation.Bias;

/// <summary>
/// Sends a variant as one user message to an OpenAI-compatible <c>chat/completions</c> endpoint (the gateway, or a
/// model) and records whether it was refused, with which error code, and how long the answer was. Keeps no answer text.
/// </summary>
public sealed class TargetBiasProbe(HttpClient http, Uri baseAddress, string? apiKey, string model) : IBiasProbe
{
    private const int MaxBodyBytes = 1024 * 1024;

    public string Mode => "target";

    /// <exception cref="BiasTargetException">Unreachable, unauthorized (401/403), rate-limited (429) or timed out.</exception>
    public async Task<BiasObservation> ObserveAsync(BiasVariant variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = variant.Text }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "chat/completions"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        string text;
        HttpStatusCode status;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = response.StatusCode;
            text = await ReadCappedAsync(response.Content, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new BiasTargetException($"could not reach {baseAddress}: {exception.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BiasTargetException($"{baseAddress} did not answer within {http.Timeout.TotalSeconds:0} s");
        }

        var code = (int)status;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests)
        {
            throw new BiasTargetException($"{baseAddress} answered {code} {ErrorCode(text) ?? status.ToString()}: "
                + (status == HttpStatusCode.TooManyRequests ? "raise its rate limit for the audit key" : "check --key"));
        }

        return code is >= 200 and < 300
            ? new BiasObservation(variant) { AnswerLength = AnswerText(text).Length }
            : new BiasObservation(variant) { Refused = true, RefusalReason = ErrorCode(text) ?? $"http_{code}" };
    }

    private static string AnswerText(string body)
    {
        try
        {
            var content = JsonNode.Parse(body)?["choices"]?[0]?["message"]?["content"];
            return content?.GetValueKind() == JsonValueKind.String ? content.GetValue<string>() : "";
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            throw new BiasTargetException("the target's answer is not an OpenAI chat completion");
        }
    }

    private static string? ErrorCode(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            var code = node?["error"]?["code"] ?? node?["code"];
            return code?.GetValueKind() == JsonValueKind.String ? code.GetValue<string>() : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<string> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes];
        var total = 0;
        int read;
        while (total < MaxBodyBytes && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
