using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Caduceus.Gateway.Configuration;

namespace Caduceus.Gateway.Forwarding;

/// <summary>Sends requests to an application's OpenAI-compatible upstream with the application's own credential.</summary>
internal sealed class UpstreamClient(IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "caduceus-upstream";

    public Task<HttpResponseMessage> SendChatAsync(UpstreamOptions upstream, JsonObject body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(upstream.BaseUri, "chat/completions"))
        {
            Content = JsonContent(body),
        };
        return SendAsync(upstream, request, cancellationToken);
    }

    public Task<HttpResponseMessage> GetModelsAsync(UpstreamOptions upstream, CancellationToken cancellationToken) =>
        SendAsync(upstream, new HttpRequestMessage(HttpMethod.Get, new Uri(upstream.BaseUri, "models")), cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(UpstreamOptions upstream, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            AddCredential(upstream, request);
            var client = httpClientFactory.CreateClient(HttpClientName);
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
    }

    private static void AddCredential(UpstreamOptions upstream, HttpRequestMessage request)
    {
        if (upstream.ApiKeyEnvironmentVariable is not { Length: > 0 } variable || Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } credential)
        {
            return;
        }

        if (string.Equals(upstream.ApiKeyHeader, "Authorization", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
        else
        {
            request.Headers.TryAddWithoutValidation(upstream.ApiKeyHeader, credential);
        }
    }

    private static ByteArrayContent JsonContent(JsonObject body)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body.WriteTo(writer);
        }

        var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
