using System.Security.Cryptography;
using System.Text;
using Caduceus.Gateway.Audit;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Tests.Audit;

public sealed class SqliteAuditLogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-audit-").FullName;
    private readonly AuditOptions _options = new() { CheckpointEveryRecords = 4, CheckpointInterval = TimeSpan.FromHours(1) };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task An_untouched_log_verifies_with_contiguous_sequence_numbers_and_checkpoints()
    {
        await WriteAsync(10);

        var result = Verify();

        Assert.True(result.Intact, result.Reason);
        Assert.Equal(10, result.Records);
        Assert.Equal(3, result.Checkpoints); // after 4 and 8 records, and at shutdown after 10
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), AuditDatabase.Records(_directory).Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_modified_record_is_named()
    {
        await WriteAsync(10);
        AuditDatabase.Execute(_directory, "UPDATE audit_records SET record = CAST(replace(CAST(record AS TEXT), '\"allowed\"', '\"blocked\"') AS BLOB) WHERE seq = 3");

        AssertBrokenAt(3, "modified");
    }

    [Fact]
    public async Task A_deleted_record_is_named()
    {
        await WriteAsync(10);
        AuditDatabase.Execute(_directory, "DELETE FROM audit_records WHERE seq = 3");

        AssertBrokenAt(3, "missing");
    }

    [Fact]
    public async Task An_inserted_record_is_caught_even_with_a_valid_hash_of_its_own()
    {
        await WriteAsync(10);
        AuditDatabase.Execute(_directory, "UPDATE audit_records SET seq = seq + 1000 WHERE seq >= 5");
        AuditDatabase.Execute(_directory, "UPDATE audit_records SET seq = seq - 999 WHERE seq > 1000");
        var previous = HashOf(4);
        var forged = Record("allowed").ToCanonicalJson(5);
        AuditDatabase.Execute(
            _directory,
            "INSERT INTO audit_records (seq, record, prev_hash, hash) VALUES (5, $record, $prev, $hash)",
            ("$record", forged),
            ("$prev", previous),
            ("$hash", AuditChain.Hash(previous, forged)));

        AssertBrokenAt(6, "inserted or reordered");
    }

    [Fact]
    public async Task Reordered_records_are_caught()
    {
        await WriteAsync(10);
        AuditDatabase.Execute(_directory, "UPDATE audit_records SET seq = 1003 WHERE seq = 3");
        AuditDatabase.Execute(_directory, "UPDATE audit_records SET seq = 3 WHERE seq = 4");
        AuditDatabase.Execute(_directory, "UPDATE audit_records SET seq = 4 WHERE seq = 1003");

        AssertBrokenAt(3, "inserted or reordered");
    }

    [Fact]
    public async Task A_truncated_log_is_caught_by_its_checkpoints()
    {
        await WriteAsync(10);
        AuditDatabase.Execute(_directory, "DELETE FROM audit_records WHERE seq >= 7");

        AssertBrokenAt(8, "truncated");
    }

    [Fact]
    public async Task A_rewritten_chain_with_recomputed_hashes_is_caught_by_the_signed_checkpoint()
    {
        await WriteAsync(10);
        var previous = HashOf(2);
        for (var seq = 3L; seq <= 10; seq++)
        {
            var record = seq == 3 ? Record("blocked").ToCanonicalJson(seq) : RecordBytes(seq);
            var hash = AuditChain.Hash(previous, record);
            AuditDatabase.Execute(_directory, "UPDATE audit_records SET record = $r, prev_hash = $p, hash = $h WHERE seq = $s", ("$r", record), ("$p", previous), ("$h", hash), ("$s", seq));
            previous = hash;
        }

        AssertBrokenAt(4, "rewritten");
    }

    [Fact]
    public async Task A_forged_checkpoint_signature_is_caught()
    {
        await WriteAsync(10);
        using (var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var hash = HashOf(8);
            var payload = AuditChain.CheckpointPayload(8, hash, 0);
            AuditDatabase.Execute(
                _directory,
                "UPDATE audit_checkpoints SET signed_at_ms = 0, signature = $s WHERE seq = 8",
                ("$s", attacker.SignData(payload, HashAlgorithmName.SHA256)));
        }

        AssertBrokenAt(8, "invalid signature");
    }

    [Fact]
    public async Task The_chain_continues_across_restarts()
    {
        await WriteAsync(3);
        await WriteAsync(3);

        var result = Verify();
        Assert.True(result.Intact, result.Reason);
        Assert.Equal(6, result.Records);
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_contiguous_sequence_numbers()
    {
        long[] sequences;
        await using (var log = OpenLog())
        {
            sequences = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => Task.Run(async () => await log.AppendAsync(Record("allowed"), Cancel), Cancel)));
        }

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), sequences.Order());
        Assert.True(Verify().Intact);
    }

    [Fact]
    public void Canonical_json_is_deterministic_whatever_the_order_findings_were_added_in()
    {
        var a = Record("redacted") with { Findings = [new("SSN", 1, ["b", "a"]), new("NAME", 2, [])] };
        var b = Record("redacted") with { Findings = [new("NAME", 2, []), new("SSN", 1, ["a", "b"])] };

        Assert.Equal(a.ToCanonicalJson(7), b.ToCanonicalJson(7));
        Assert.StartsWith("{\"seq\":7,", Encoding.UTF8.GetString(a.ToCanonicalJson(7)), StringComparison.Ordinal);
    }

    private static AuditRecord Record(string decision) => new()
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

    private SqliteAuditLog OpenLog() =>
        new(Path.Combine(_directory, AuditSchema.FileName), AuditKeyFiles.LoadOrCreateSigningKey(_options, _directory), _options, TimeProvider.System);

    private async Task WriteAsync(int count)
    {
        await using var log = OpenLog();
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(Record("allowed"), Cancel);
        }
    }

    private AuditVerification Verify()
    {
        using var key = AuditKeyFiles.ReadSigningKey(AuditKeyFiles.SigningKeyPath(_options, _directory));
        return AuditVerifier.Verify(Path.Combine(_directory, AuditSchema.FileName), key);
    }

    private void AssertBrokenAt(long sequence, string reason)
    {
        var result = Verify();
        Assert.False(result.Intact);
        Assert.Equal(sequence, result.BrokenSequence);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    private byte[] HashOf(long sequence) => Column("hash", sequence);

    private byte[] RecordBytes(long sequence) => Column("record", sequence);

    private byte[] Column(string column, long sequence)
    {
        using var connection = AuditDatabase.Open(_directory);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM audit_records WHERE seq = $s";
        command.Parameters.AddWithValue("$s", sequence);
        return (byte[])command.ExecuteScalar()!;
    }
}
