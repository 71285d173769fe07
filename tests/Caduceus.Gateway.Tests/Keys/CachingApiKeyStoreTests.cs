using System.Diagnostics;
using Caduceus.Gateway.Keys;

namespace Caduceus.Gateway.Tests.Keys;

public sealed class CachingApiKeyStoreTests
{
    private const string Secret = "cad_this-is-a-test-secret-of-enough-length";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Repeated_lookups_within_the_lifetime_reach_the_store_once()
    {
        var inner = new CountingStore();
        await inner.ImportAsync(Secret, "default", Cancel);
        using var store = new CachingApiKeyStore(inner, TimeProvider.System);

        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(await store.FindAsync(Secret, Cancel));
        }

        Assert.Equal(1, inner.Lookups);
    }

    [Fact]
    public async Task A_remembered_miss_is_forgotten_when_that_key_is_created()
    {
        var inner = new CountingStore();
        using var store = new CachingApiKeyStore(inner, TimeProvider.System);

        Assert.Null(await store.FindAsync(Secret, Cancel));
        Assert.Null(await store.FindAsync(Secret, Cancel));
        await store.ImportAsync(Secret, "default", Cancel);

        Assert.NotNull(await store.FindAsync(Secret, Cancel));
        Assert.Equal(2, inner.Lookups);
    }

    [Fact]
    public async Task A_key_removed_from_the_store_stops_working_within_the_lifetime()
    {
        var inner = new CountingStore();
        await inner.ImportAsync(Secret, "default", Cancel);
        using var store = new CachingApiKeyStore(inner, TimeProvider.System);
        Assert.NotNull(await store.FindAsync(Secret, Cancel));
        var removed = Stopwatch.StartNew();
        inner.Clear();

        while (await store.FindAsync(Secret, Cancel) is not null)
        {
            Assert.True(removed.Elapsed < CachingApiKeyStore.Lifetime + TimeSpan.FromSeconds(1), "the removed key was still accepted after the cache lifetime");
            await Task.Delay(50, Cancel);
        }
    }

    private sealed class CountingStore : IApiKeyStore
    {
        private readonly Dictionary<string, ApiKeyRecord> _keys = [];

        public int Lookups { get; private set; }

        public void Clear() => _keys.Clear();

        public Task<IssuedApiKey> CreateAsync(string application, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ApiKeyRecord> ImportAsync(string secret, string application, CancellationToken cancellationToken)
        {
            var record = new ApiKeyRecord("key_test", application, DateTimeOffset.UnixEpoch);
            _keys[secret] = record;
            return Task.FromResult(record);
        }

        public Task<ApiKeyRecord?> FindAsync(string presentedSecret, CancellationToken cancellationToken)
        {
            Lookups++;
            return Task.FromResult(_keys.GetValueOrDefault(presentedSecret));
        }

        public Task<bool> AnyAsync(CancellationToken cancellationToken) => Task.FromResult(_keys.Count > 0);
    }
}
