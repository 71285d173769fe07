using System.Diagnostics;
using Caduceus.Gateway.Keys;
using Caduceus.Identity;

namespace Caduceus.Gateway.Tests.Keys;

public sealed class CachingApiKeyLookupTests
{
    private const string Secret = "cad_this-is-a-test-secret-of-enough-length";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Repeated_lookups_within_the_lifetime_reach_the_store_once()
    {
        var inner = new CountingLookup();
        inner.Add(Secret);
        using var lookup = new CachingApiKeyLookup(inner, TimeProvider.System);

        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(await lookup.FindAsync(Secret, Cancel));
        }

        Assert.Equal(1, inner.Lookups);
    }

    [Fact]
    public async Task A_remembered_miss_is_forgotten_within_the_lifetime()
    {
        var inner = new CountingLookup();
        using var lookup = new CachingApiKeyLookup(inner, TimeProvider.System);
        Assert.Null(await lookup.FindAsync(Secret, Cancel));
        var added = Stopwatch.StartNew();
        inner.Add(Secret);

        while (await lookup.FindAsync(Secret, Cancel) is null)
        {
            Assert.True(added.Elapsed < CachingApiKeyLookup.Lifetime + TimeSpan.FromSeconds(1), "the new key was still unknown after the cache lifetime");
            await Task.Delay(50, Cancel);
        }
    }

    [Fact]
    public async Task A_key_removed_from_the_store_stops_working_within_the_lifetime()
    {
        var inner = new CountingLookup();
        inner.Add(Secret);
        using var lookup = new CachingApiKeyLookup(inner, TimeProvider.System);
        Assert.NotNull(await lookup.FindAsync(Secret, Cancel));
        var removed = Stopwatch.StartNew();
        inner.Clear();

        while (await lookup.FindAsync(Secret, Cancel) is not null)
        {
            Assert.True(removed.Elapsed < CachingApiKeyLookup.Lifetime + TimeSpan.FromSeconds(1), "the removed key was still accepted after the cache lifetime");
            await Task.Delay(50, Cancel);
        }
    }

    private sealed class CountingLookup : IApiKeyLookup
    {
        private readonly Dictionary<string, ApiKeyMatch> _keys = [];

        public int Lookups { get; private set; }

        public void Add(string secret) => _keys[secret] = new ApiKeyMatch(
            new ApiKeyRecord { Id = "key_test", Application = "default", Roles = [CallerRoles.Service], CreatedAt = DateTimeOffset.UnixEpoch },
            IsPreviousSecret: false);

        public void Clear() => _keys.Clear();

        public Task<ApiKeyMatch?> FindAsync(string presentedSecret, CancellationToken cancellationToken)
        {
            Lookups++;
            return Task.FromResult(_keys.GetValueOrDefault(presentedSecret));
        }
    }
}
