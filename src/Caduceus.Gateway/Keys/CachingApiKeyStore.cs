using Microsoft.Extensions.Caching.Memory;

namespace Caduceus.Gateway.Keys;

/// <summary>
/// Remembers key lookups, found or not, for a short time so that authentication does not hit the database on every
/// request. Entries are keyed by the hash of the presented secret, never the secret, and live at most
/// <see cref="Lifetime"/>: a key revoked in the store stops working within that time. The cache is bounded, so a flood
/// of made-up keys cannot grow it without limit.
/// </summary>
internal sealed class CachingApiKeyStore(IApiKeyStore inner, TimeProvider timeProvider) : IApiKeyStore, IDisposable
{
    /// <summary>How long a lookup is trusted. One second keeps revocation prompt and still absorbs bursts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private const int MaxEntries = 100_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    public async Task<IssuedApiKey> CreateAsync(string application, CancellationToken cancellationToken)
    {
        var issued = await inner.CreateAsync(application, cancellationToken);
        _cache.Remove(CacheKey(issued.Secret));
        return issued;
    }

    public async Task<ApiKeyRecord> ImportAsync(string secret, string application, CancellationToken cancellationToken)
    {
        var record = await inner.ImportAsync(secret, application, cancellationToken);
        _cache.Remove(CacheKey(secret));
        return record;
    }

    public async Task<ApiKeyRecord?> FindAsync(string presentedSecret, CancellationToken cancellationToken)
    {
        var key = CacheKey(presentedSecret);
        if (_cache.TryGetValue(key, out Lookup? cached))
        {
            return cached!.Record;
        }

        var record = await inner.FindAsync(presentedSecret, cancellationToken);
        _cache.Set(key, new Lookup(record), new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = timeProvider.GetUtcNow() + Lifetime,
            Size = 1,
        });
        return record;
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => inner.AnyAsync(cancellationToken);

    public void Dispose() => _cache.Dispose();

    private static string CacheKey(string secret) => Convert.ToBase64String(ApiKeySecrets.Hash(secret));

    /// <summary>A lookup result; a null record is a remembered miss.</summary>
    private sealed record Lookup(ApiKeyRecord? Record);
}
