using Caduceus.Gateway.SharedState;
using Microsoft.Extensions.Caching.Memory;

namespace Caduceus.Gateway.Keys;

/// <summary>
/// Remembers key lookups, found or not, for a short time so that authentication does not hit the database on every
/// request. Entries are keyed by the hash of the presented secret, never the secret, and live at most
/// <see cref="Lifetime"/>: a key revoked, rotated or created in the store, by this process or another (the CLI), is
/// seen within that time; on shared state a change notification drops every entry at once (<see cref="Invalidate"/>).
/// Expiry needs no refresh: it is judged against the clock on every request. The cache is bounded, so a flood of
/// made-up keys cannot grow it without limit.
/// </summary>
internal sealed class CachingApiKeyLookup(IApiKeyLookup inner, TimeProvider timeProvider) : IApiKeyLookup, ISharedStateCache, IDisposable
{
    /// <summary>How long a lookup is trusted. One second keeps revocation prompt and still absorbs bursts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private const int MaxEntries = 100_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private long _generation;

    public string Table => "api_keys";

    public async Task<ApiKeyMatch?> FindAsync(string presentedSecret, CancellationToken cancellationToken)
    {
        var key = CacheKey(presentedSecret);
        if (_cache.TryGetValue(key, out Lookup? cached))
        {
            return cached!.Match;
        }

        var generation = Interlocked.Read(ref _generation);
        var match = await inner.FindAsync(presentedSecret, cancellationToken);
        if (generation != Interlocked.Read(ref _generation))
        {
            // The keys changed while this lookup ran: its answer may predate the change, so it is not remembered.
            return match;
        }

        _cache.Set(key, new Lookup(match), new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = timeProvider.GetUtcNow() + Lifetime,
            Size = 1,
        });
        return match;
    }

    /// <summary>Forgets every lookup, including any still running.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cache.Clear();
    }

    public void Dispose() => _cache.Dispose();

    private static string CacheKey(string secret) => Convert.ToBase64String(ApiKeySecrets.Hash(secret));

    /// <summary>A lookup result; a null match is a remembered miss.</summary>
    private sealed record Lookup(ApiKeyMatch? Match);
}
