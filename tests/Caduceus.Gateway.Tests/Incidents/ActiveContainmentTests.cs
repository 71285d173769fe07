using System.Diagnostics;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Tests.Vault;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Caduceus.Gateway.Tests.Incidents;

/// <summary>The blocks every request checks: re-read each second, and kept in force (fail closed) when the store fails.</summary>
public sealed class ActiveContainmentTests
{
    private static readonly ContainmentBlock Suspension = new()
    {
        Id = ContainmentBlock.NewId(),
        Kind = ContainmentBlockKind.Principal,
        Value = "key_a",
        Action = "suspend_key",
        CreatedAt = new DateTimeOffset(2029, 12, 31, 0, 0, 0, TimeSpan.Zero),
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Failures => ["postgres", "sqlite", "timeout", "socket"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_store_failure_keeps_the_last_blocks_in_force_and_the_store_is_read_again_a_second_later(string failure)
    {
        var clock = new ManualTimeProvider();
        var store = new ScriptedContainmentStore();
        using var containment = new ActiveContainment(store, clock);
        store.Next(() => Task.FromResult<IReadOnlyList<ContainmentBlock>>([Suspension]));
        Assert.NotNull((await containment.CurrentAsync(Cancel)).RefusalFor("key_a", null, null, clock.GetUtcNow()));

        clock.Advance(ActiveContainment.Lifetime);
        store.Next(() => throw Failure(failure));
        var duringFailure = await containment.CurrentAsync(Cancel);
        var readsDuringFailure = store.Reads;
        await containment.CurrentAsync(Cancel);

        Assert.NotNull(duringFailure.RefusalFor("key_a", null, null, clock.GetUtcNow()));
        Assert.Equal(2, readsDuringFailure);
        Assert.Equal(2, store.Reads);
        clock.Advance(ActiveContainment.Lifetime);
        store.Next(() => Task.FromResult<IReadOnlyList<ContainmentBlock>>([]));
        Assert.Null((await containment.CurrentAsync(Cancel)).RefusalFor("key_a", null, null, clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_store_that_does_not_answer_is_given_up_on_after_the_read_timeout_and_the_last_blocks_stay_in_force()
    {
        var clock = new ManualTimeProvider();
        var store = new ScriptedContainmentStore();
        using var containment = new ActiveContainment(store, clock);
        store.Next(() => Task.FromResult<IReadOnlyList<ContainmentBlock>>([Suspension]));
        await containment.CurrentAsync(Cancel);
        clock.Advance(ActiveContainment.Lifetime);
        store.Next(token => Task.Delay(Timeout.Infinite, token).ContinueWith<IReadOnlyList<ContainmentBlock>>(_ => throw new OperationCanceledException(token), TaskScheduler.Default));

        var waited = Stopwatch.StartNew();
        var snapshot = await containment.CurrentAsync(Cancel);

        Assert.InRange(waited.Elapsed, ActiveContainment.ReadTimeout - TimeSpan.FromMilliseconds(100), ActiveContainment.ReadTimeout + TimeSpan.FromSeconds(1));
        Assert.NotNull(snapshot.RefusalFor("key_a", null, null, clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_request_that_is_aborted_is_not_mistaken_for_a_store_failure()
    {
        var store = new ScriptedContainmentStore();
        using var containment = new ActiveContainment(store, new ManualTimeProvider());
        using var aborted = new CancellationTokenSource();
        store.Next(token =>
        {
            aborted.Cancel();
            token.ThrowIfCancellationRequested();
            return Task.FromResult<IReadOnlyList<ContainmentBlock>>([]);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => containment.CurrentAsync(aborted.Token).AsTask());
    }

    private static Exception Failure(string kind) => kind switch
    {
        "postgres" => new NpgsqlException("Failed to connect to 127.0.0.1:55432"),
        "sqlite" => new SqliteException("database is locked", 5),
        "timeout" => new TimeoutException("The operation has timed out."),
        _ => new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused),
    };

    /// <summary>A containment store whose next read does what the test says.</summary>
    private sealed class ScriptedContainmentStore : IContainmentStore
    {
        private Func<CancellationToken, Task<IReadOnlyList<ContainmentBlock>>> _next = _ => Task.FromResult<IReadOnlyList<ContainmentBlock>>([]);

        public int Reads { get; private set; }

        public void Next(Func<Task<IReadOnlyList<ContainmentBlock>>> read) => _next = _ => read();

        public void Next(Func<CancellationToken, Task<IReadOnlyList<ContainmentBlock>>> read) => _next = read;

        public Task<IReadOnlyList<ContainmentBlock>> ActiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            Reads++;
            return _next(cancellationToken);
        }

        public Task AddAsync(ContainmentBlock block, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> LiftAsync(string blockId, DateTimeOffset liftedAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ContainmentBlock?> GetAsync(string blockId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
