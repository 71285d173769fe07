using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Policies;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The change channel on the real PostgreSQL server: which writes reach the other instances' caches.</summary>
public sealed class PostgresStateChangeListenerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly CountingCache _keys = new("api_keys");
    private readonly CountingCache _blocks = new("containment_blocks");
    private readonly CountingCache _policies = new("policy_overrides");
    private PostgresTestServer? _server;
    private PostgresStateDatabase? _listenerDatabase;
    private PostgresStateDatabase? _writerDatabase;
    private PostgresStateChangeListener? _listener;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await PostgresTestServer.CreateDatabaseAsync();
        _listenerDatabase = new PostgresStateDatabase(_server.ConnectionString);
        _writerDatabase = new PostgresStateDatabase(_server.ConnectionString);
        _listener = new PostgresStateChangeListener(_listenerDatabase, [_keys, _blocks, _policies], TimeProvider.System, NullLogger<PostgresStateChangeListener>.Instance);
        await _listener.StartAsync(Cancel);
        await _listener.Listening.WaitAsync(Patience, Cancel);
        _keys.Reset();
        _blocks.Reset();
        _policies.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _listener!.StopAsync(CancellationToken.None);
        _listener.Dispose();
        await _listenerDatabase!.DisposeAsync();
        await _writerDatabase!.DisposeAsync();
        await _server!.DisposeAsync();
    }

    [Fact]
    public async Task Revoking_a_key_through_another_database_client_drops_the_key_caches_and_leaves_the_block_caches()
    {
        var keys = new PostgresApiKeyStore(_writerDatabase!, TimeProvider.System);
        var issued = await keys.CreateAsync(ApiKeyBootstrap.FirstKey, Cancel);
        await _keys.WaitForAsync(1);
        _keys.Reset();

        await keys.RevokeAsync(issued.Record.Id, ApiKeyRevocationReason.Revoked, Cancel);

        await _keys.WaitForAsync(1);
        Assert.Equal(0, _blocks.Count);
    }

    [Fact]
    public async Task Recording_a_key_use_notifies_no_one()
    {
        var keys = new PostgresApiKeyStore(_writerDatabase!, TimeProvider.System);
        var issued = await keys.CreateAsync(ApiKeyBootstrap.FirstKey, Cancel);
        await _keys.WaitForAsync(1);
        _keys.Reset();

        await keys.RecordUseAsync(issued.Record.Id, DateTimeOffset.UtcNow, Cancel);

        // A later change that does notify proves the channel was live while the use was recorded.
        var blocks = new PostgresContainmentStore(_writerDatabase!);
        await blocks.AddAsync(Block(), Cancel);
        await _blocks.WaitForAsync(1);
        Assert.Equal(0, _keys.Count);
    }

    [Fact]
    public async Task Placing_and_lifting_a_block_each_drop_the_block_caches()
    {
        var blocks = new PostgresContainmentStore(_writerDatabase!);
        var block = Block();

        await blocks.AddAsync(block, Cancel);
        await _blocks.WaitForAsync(1);
        Assert.True(await blocks.LiftAsync(block.Id, DateTimeOffset.UtcNow, Cancel));
        await _blocks.WaitForAsync(2);
    }

    [Fact]
    public async Task Saving_a_policy_override_drops_the_policy_caches_only()
    {
        var overrides = new PostgresPolicyOverrideStore(_writerDatabase!);

        Assert.True(await overrides.SaveAsync(new PolicyChange("default", "tester", DateTimeOffset.UtcNow, "h0", "h1", "+ strict"), null, "policy text", Cancel));

        await _policies.WaitForAsync(1);
        Assert.Equal(0, _keys.Count);
        Assert.Equal(0, _blocks.Count);
    }

    private static ContainmentBlock Block() => new()
    {
        Id = ContainmentBlock.NewId(),
        Kind = ContainmentBlockKind.Application,
        Value = "default",
        Action = ContainmentActionNames.DisableApplication,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private sealed class CountingCache(string table) : ISharedStateCache
    {
        private int _count;

        public string Table { get; } = table;

        public int Count => Volatile.Read(ref _count);

        public void Invalidate() => Interlocked.Increment(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public async Task WaitForAsync(int count)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{Table}: {Count} of {count} invalidations after {Patience.TotalSeconds} s");
                await Task.Delay(10, Cancel);
            }
        }
    }
}
