using System.Text.Json;

namespace Caduceus.Gateway.Siem.AzureMonitor;

/// <summary>
/// OAuth2 client-credentials access tokens for the ingestion API, cached until a minute before they expire.
/// Failures say which status the token endpoint gave, never the secret or the endpoint's answer.
/// </summary>
internal sealed class AzureMonitorTokenSource(AzureMonitorOptions options, HttpClient http, TimeProvider timeProvider) : IDisposable
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && timeProvider.GetUtcNow() < _expires)
            {
                return _token;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId ?? string.Empty,
                ["client_secret"] = options.ClientSecret ?? string.Empty,
                ["scope"] = options.Scope,
            });
            using var response = await http.PostAsync(new Uri(options.EffectiveTokenEndpoint), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new AzureMonitorTokenException($"The token endpoint answered {(int)response.StatusCode}; check Siem:AzureMonitor:TenantId, ClientId and ClientSecret.");
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            if (!body.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } accessToken)
            {
                throw new AzureMonitorTokenException("The token endpoint's answer had no access_token.");
            }

            var lifetime = body.RootElement.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
            _token = accessToken;
            _expires = timeProvider.GetUtcNow() + (lifetime > ExpiryMargin * 2 ? lifetime - ExpiryMargin : lifetime / 2);
            return accessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token, after the API refused it.</summary>
    public void Invalidate() => _token = null;

    public void Dispose() => _gate.Dispose();
}
