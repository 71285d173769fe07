namespace Caduceus.Gateway.Configuration;

/// <summary>The OpenAI-compatible API an application's requests are forwarded to.</summary>
public sealed class UpstreamOptions
{
    /// <summary>
    /// Base URL including the API version segment, as OpenAI clients take it, e.g. <c>https://api.openai.com/v1</c>
    /// or <c>http://127.0.0.1:8081/v1</c>. <c>chat/completions</c> and <c>models</c> are appended.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Name of the environment variable that holds the upstream credential. The credential itself is never configured in a file.</summary>
    public string? ApiKeyEnvironmentVariable { get; set; }

    /// <summary>Header that carries the credential: <c>Authorization</c> (sent as a bearer token) or e.g. <c>api-key</c> for Azure OpenAI.</summary>
    public string ApiKeyHeader { get; set; } = "Authorization";

    /// <summary>How long to wait for a whole non-streaming answer, or for the first bytes of a streaming one.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest silence allowed between two chunks of a streaming answer.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    private Uri? _baseUri;

    /// <summary>The base URL with a trailing slash, ready for relative paths. Computed once: options do not change after start-up.</summary>
    internal Uri BaseUri => _baseUri ??= new(BaseUrl!.EndsWith('/') ? BaseUrl : BaseUrl + "/", UriKind.Absolute);
}
