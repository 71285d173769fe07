using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Tests.Audit;

/// <summary>
/// The contract every audit store keeps, run against each one (<see cref="SqliteAuditStoreTests"/>,
/// <see cref="PostgresAuditStoreTests"/>): commit order, contiguous sequences under concurrency, tamper detection
/// with its signed checkpoints, retention purges that leave a chain verifying from a checkpoint, and the reader.
/// </summary>
public abstract class AuditStoreContractTests : IAsyncLifetime
{
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("caduceus-audit-keys-").FullName;

    protected AuditOptions Options { get; } = new() { CheckpointEveryRecords = 4, CheckpointInterval = TimeSpan.FromHours(1) };

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        Directory.Delete(_keyDirectory, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_untouched_log_verifies_with_contiguous_sequence_numbers_and_checkpoints()
    {
        await WriteAsync(10);

        var result = await VerifyAsync();

        Assert.True(result.Intact, result.Reason);
        Assert.Equal(10, result.Records);
        Assert.Equal(3, result.Checkpoints); // after 4 and 8 records, and at shutdown after 10
    }

    [Fact]
    public async Task Records_commit_in_append_order_and_read_back_byte_for_byte()
    {
        var records = Enumerable.Range(0, 5).Select(i => Record("allowed") with { Route = $"/v1/chat/completions/{i}" }).ToArray();
        await using (var log = OpenLog())
        {
            foreach (var (record, index) in records.Select((r, i) => (r, i)))
            {
                Assert.Equal(index + 1, await log.AppendAsync(record, Cancel));
            }
        }

        var stored = await ReadAllAsync(CreateReader());
        Assert.Equal(records.Select((r, i) => r.ToCanonicalJson(i + 1)), stored.Select(s => s.CanonicalJson));
        Assert.Equal(AuditChain.Genesis, stored[0].PreviousHash);
        Assert.All(stored.Skip(1), (s, i) => Assert.Equal(stored[i].Hash, s.PreviousHash));
        Assert.Equal([4L, 5], (await ReadAllAsync(CreateReader(), afterSequence: 3)).Select(s => s.Sequence));
    }

    [Fact]
    public async Task Sixty_four_concurrent_appenders_get_distinct_contiguous_sequence_numbers()
    {
        long[] sequences;
        await using (var log = OpenLog())
        {
            sequences = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await log.AppendAsync(Record("allowed"), Cancel), Cancel)));
        }

        Assert.Equal(Enumerable.Range(1, 64).Select(i => (long)i), sequences.Order());
        Assert.Equal(sequences.Order(), (await ReadAllAsync(CreateReader())).Select(s => s.Sequence));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_chain_continues_across_restarts()
    {
        await WriteAsync(3);
        await WriteAsync(3);

        var result = await VerifyAsync();

        Assert.True(result.Intact, result.Reason);
        Assert.Equal(6, result.Records);
    }

    [Fact]
    public async Task A_modified_record_is_named()
    {
        await WriteAsync(10);
        var modified = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(await ColumnAsync("record", 3)).Replace("\"allowed\"", "\"blocked\"", StringComparison.Ordinal));
        await ExecuteAsync("UPDATE audit_records SET record = @r WHERE seq = 3", ("@r", modified));

        await AssertBrokenAtAsync(3, "modified");
    }

    [Fact]
    public async Task A_deleted_record_is_named()
    {
        await WriteAsync(10);
        await ExecuteAsync("DELETE FROM audit_records WHERE seq = 3");

        await AssertBrokenAtAsync(3, "missing");
    }

    [Fact]
    public async Task An_inserted_record_is_caught_even_with_a_valid_hash_of_its_own()
    {
        await WriteAsync(10);
        await ExecuteAsync("UPDATE audit_records SET seq = seq + 1000 WHERE seq >= 5");
        await ExecuteAsync("UPDATE audit_records SET seq = seq - 999 WHERE seq > 1000");
        var previous = await ColumnAsync("hash", 4);
        var forged = Record("allowed").ToCanonicalJson(5);
        await ExecuteAsync(
            "INSERT INTO audit_records (seq, record, prev_hash, hash) VALUES (5, @record, @prev, @hash)",
            ("@record", forged),
            ("@prev", previous),
            ("@hash", AuditChain.Hash(previous, forged)));

        await AssertBrokenAtAsync(6, "inserted or reordered");
    }

    [Fact]
    public async Task Reordered_records_are_caught()
    {
        await WriteAsync(10);
        await ExecuteAsync("UPDATE audit_records SET seq = 1003 WHERE seq = 3");
        await ExecuteAsync("UPDATE audit_records SET seq = 3 WHERE seq = 4");
        await ExecuteAsync("UPDATE audit_records SET seq = 4 WHERE seq = 1003");

        await AssertBrokenAtAsync(3, "inserted or reordered");
    }

    [Fact]
    public async Task A_truncated_log_is_caught_by_its_checkpoints()
    {
        await WriteAsync(10);
        await ExecuteAsync("DELETE FROM audit_records WHERE seq >= 7");

        await AssertBrokenAtAsync(8, "truncated");
    }

    [Fact]
    public async Task A_rewritten_chain_with_recomputed_hashes_is_caught_by_the_signed_checkpoint()
    {
        await WriteAsync(10);
        var previous = await ColumnAsync("hash", 2);
        for (var seq = 3L; seq <= 10; seq++)
        {
            var record = seq == 3 ? Record("blocked").ToCanonicalJson(seq) : await ColumnAsync("record", seq);
            var hash = AuditChain.Hash(previous, record);
            await ExecuteAsync("UPDATE audit_records SET record = @r, prev_hash = @p, hash = @h WHERE seq = @s", ("@r", record), ("@p", previous), ("@h", hash), ("@s", seq));
            previous = hash;
        }

        await AssertBrokenAtAsync(4, "rewritten");
    }

    [Fact]
    public async Task A_forged_checkpoint_signature_is_caught()
    {
        await WriteAsync(10);
        using (var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var payload = AuditChain.CheckpointPayload(8, await ColumnAsync("hash", 8), 0);
            await ExecuteAsync("UPDATE audit_checkpoints SET signed_at_ms = 0, signature = @s WHERE seq = 8", ("@s", attacker.SignData(payload, HashAlgorithmName.SHA256)));
        }

        await AssertBrokenAtAsync(8, "invalid signature");
    }

    [Fact]
    public async Task A_purge_removes_records_up_to_a_signed_checkpoint_and_the_rest_verifies_from_it()
    {
        await WriteAsync(10); // checkpoints at 4, 8 and 10

        AuditPurge? purge;
        await using (var log = OpenLog())
        {
            purge = await PurgeAsync(log, DateTimeOffset.UtcNow.AddMinutes(1), dryRun: false);
        }

        // 10 is the last record, so the newest checkpoint a purge may end at is 8.
        Assert.Equal(new AuditPurge(1, 8, 8, 1), purge);
        var stored = await ReadAllAsync(CreateReader());
        Assert.Equal([9L, 10, 11], stored.Select(s => s.Sequence));
        var purgeRecord = Encoding.UTF8.GetString(stored[^1].CanonicalJson);
        Assert.Contains("\"kind\":\"admin\"", purgeRecord, StringComparison.Ordinal);
        Assert.Contains("\"purged\":{\"first_seq\":1,\"through_seq\":8,\"records\":8,\"checkpoints\":1}", purgeRecord, StringComparison.Ordinal);
        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Reason);
        Assert.Equal(3, result.Records);
    }

    [Fact]
    public async Task A_dry_run_counts_but_removes_nothing()
    {
        await WriteAsync(10);

        AuditPurge? purge;
        await using (var log = OpenLog())
        {
            purge = await PurgeAsync(log, DateTimeOffset.UtcNow.AddMinutes(1), dryRun: true);
        }

        Assert.Equal(new AuditPurge(1, 8, 8, 1), purge);
        Assert.Equal(10, (await ReadAllAsync(CreateReader())).Count);
    }

    [Fact]
    public async Task A_purge_before_every_checkpoint_removes_nothing()
    {
        await WriteAsync(10);

        await using var log = OpenLog();
        Assert.Null(await PurgeAsync(log, DateTimeOffset.UtcNow.AddDays(-1), dryRun: false));
        Assert.Equal(10, (await ReadAllAsync(CreateReader())).Count);
    }

    [Fact]
    public async Task A_purge_refuses_to_end_between_checkpoints_or_at_the_last_record()
    {
        await WriteAsync(10);
        await using var store = CreateStore();

        var between = await Assert.ThrowsAsync<InvalidOperationException>(() => store.PurgeThroughAsync(6, dryRun: false, Cancel));
        var last = await Assert.ThrowsAsync<InvalidOperationException>(() => store.PurgeThroughAsync(10, dryRun: false, Cancel));

        Assert.Contains("no checkpoint at record 6", between.Message, StringComparison.Ordinal);
        Assert.Contains("last one", last.Message, StringComparison.Ordinal);
        Assert.Equal(10, (await ReadAllAsync(CreateReader())).Count);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Records_cut_from_the_start_without_a_signed_anchor_are_reported_as_a_gap()
    {
        await WriteAsync(10);
        await ExecuteAsync("DELETE FROM audit_records WHERE seq <= 5");

        await AssertBrokenAtAsync(1, "records 1 to 5 are missing and no signed checkpoint at record 5");
    }

    [Fact]
    public async Task A_purge_anchor_with_a_forged_signature_is_reported_as_a_gap()
    {
        await WriteAsync(10);
        await using (var log = OpenLog())
        {
            await PurgeAsync(log, DateTimeOffset.UtcNow.AddMinutes(1), dryRun: false);
        }

        await ExecuteAsync("UPDATE audit_checkpoints SET signed_at_ms = signed_at_ms + 1 WHERE seq = 8");

        await AssertBrokenAtAsync(1, "records 1 to 8 are missing");
    }

    [Fact]
    public async Task The_chain_continues_from_the_anchor_after_a_purge()
    {
        await WriteAsync(5); // checkpoints at 4 and 5
        await using (var log = OpenLog())
        {
            await PurgeAsync(log, DateTimeOffset.UtcNow.AddMinutes(1), dryRun: false);
            Assert.Equal(7, await log.AppendAsync(Record("allowed"), Cancel)); // 6 is the purge record
        }

        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Reason);
        Assert.Equal([5L, 6, 7], (await ReadAllAsync(CreateReader())).Select(s => s.Sequence));
    }

    protected static AuditRecord Record(string decision) => new()
    {
        Time = new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero),
        Kind = "chat",
        Method = "POST",
        Route = "/v1/chat/completions",
        Status = 200,
        Decision = decision,
        KeyId = "key_1",
        Application = "default",
    };

    protected abstract IAuditStore CreateStore();

    protected abstract IAuditReader CreateReader();

    /// <summary>Raw access to the store's tables, as an attacker with database access has it.</summary>
    protected abstract Task<DbConnection> OpenDatabaseAsync();

    protected AuditLog OpenLog() => new(CreateStore(), AuditKeyFiles.LoadOrCreateSigningKey(Options, _keyDirectory), Options, TimeProvider.System);

    protected async Task WriteAsync(int count)
    {
        await using var log = OpenLog();
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(Record("allowed"), Cancel);
        }
    }

    protected async Task<AuditVerification> VerifyAsync()
    {
        using var key = AuditKeyFiles.ReadSigningKey(AuditKeyFiles.SigningKeyPath(Options, _keyDirectory));
        return await AuditVerifier.VerifyAsync(CreateReader(), key, Cancel);
    }

    protected static async Task<List<StoredAuditRecord>> ReadAllAsync(IAuditReader reader, long afterSequence = 0)
    {
        var records = new List<StoredAuditRecord>();
        await foreach (var record in reader.ReadAsync(afterSequence, Cancel))
        {
            records.Add(record);
        }

        return records;
    }

    private async Task<AuditPurge?> PurgeAsync(AuditLog log, DateTimeOffset before, bool dryRun)
    {
        await using var store = CreateStore();
        using var key = AuditKeyFiles.ReadSigningKey(AuditKeyFiles.SigningKeyPath(Options, _keyDirectory));
        return await new AuditRetention(store, CreateReader(), key, log, TimeProvider.System).PurgeAsync(before, dryRun, Cancel);
    }

    private async Task AssertBrokenAtAsync(long sequence, string reason)
    {
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(sequence, result.BrokenSequence);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(Cancel);
    }

    private async Task<byte[]> ColumnAsync(string column, long sequence)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM audit_records WHERE seq = @s";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@s";
        parameter.Value = sequence;
        command.Parameters.Add(parameter);
        return (byte[])(await command.ExecuteScalarAsync(Cancel))!;
    }
}
