using System.Net;
using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Audit;

/// <summary>The gateway over real HTTP with <c>Audit:Store=postgres</c>.</summary>
public sealed class PostgresAuditTrailTests : IAsyncLifetime
{
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("caduceus-audit-keys-").FullName;
    private PostgresTestServer? _database;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string ConnectionString => _database!.ConnectionString;

    private string SigningKeyFile => Path.Combine(_keyDirectory, AuditKeyFiles.SigningKeyFileName);

    public async ValueTask InitializeAsync()
    {
        AuditKeyFiles.LoadOrCreateSigningKey(new AuditOptions(), _keyDirectory).Dispose();
        _database = await PostgresTestServer.CreateDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_keyDirectory, recursive: true);
    }

    [Fact]
    public async Task Requests_are_committed_to_postgres_as_a_chain_that_verifies_without_plaintext_phi()
    {
        await using (var gateway = await GatewayHarness.StartAsync(settings: Settings()))
        {
            using var phi = await gateway.Http.PostAsync(
                "v1/chat/completions",
                Requests.Json("""{"model":"caduceus-test-model","messages":[{"role":"user","content":"My SSN is 536-22-1843, call me at 617-555-0142"}]}"""),
                Cancel);
            var plain = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Requests.ChatAsync(gateway.Http)));

            Assert.Equal(HttpStatusCode.OK, phi.StatusCode);
            Assert.All(plain, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.False(File.Exists(Path.Combine(gateway.DatabaseDirectory, AuditSchema.FileName)), "the SQLite audit file was written although the store is postgres");
        }

        var records = new List<StoredAuditRecord>();
        await foreach (var record in new PostgresAuditReader(ConnectionString).ReadAsync(0, Cancel))
        {
            records.Add(record);
        }

        Assert.Equal(Enumerable.Range(1, 17).Select(i => (long)i), records.Select(r => r.Sequence));
        using var first = JsonDocument.Parse(records[0].CanonicalJson);
        Assert.Equal("redacted", first.RootElement.GetProperty("decision").GetString());
        Assert.Contains(first.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("type").GetString() == "SSN");
        var stored = string.Concat(records.Select(r => Encoding.UTF8.GetString(r.CanonicalJson)));
        foreach (var value in new[] { "536-22-1843", "536221843", "617-555-0142", "6175550142" })
        {
            Assert.DoesNotContain(value, stored, StringComparison.Ordinal);
        }

        using var key = AuditKeyFiles.ReadSigningKey(SigningKeyFile);
        var result = await AuditVerifier.VerifyAsync(new PostgresAuditReader(ConnectionString), key, Cancel);
        Assert.True(result.Intact, result.Reason);
    }

    [Fact]
    public async Task Retention_at_start_up_purges_records_older_than_the_retention_up_to_a_signed_checkpoint()
    {
        var options = new AuditOptions { CheckpointEveryRecords = 4 };
        await using (var old = new AuditLog(new PostgresAuditStore(ConnectionString), AuditKeyFiles.ReadSigningKey(SigningKeyFile), options, new ShiftedTimeProvider(TimeSpan.FromDays(-10))))
        {
            for (var i = 0; i < 10; i++)
            {
                await old.AppendAsync(new AuditRecord { Time = DateTimeOffset.UtcNow.AddDays(-10), Kind = "chat", Method = "POST", Route = "/v1/chat/completions", Status = 200, Decision = "allowed" }, Cancel);
            }
        }

        await using (var gateway = await GatewayHarness.StartAsync(settings: Settings(retentionDays: 5)))
        {
            using var response = await Requests.ChatAsync(gateway.Http);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var sequences = new List<long>();
        await foreach (var record in new PostgresAuditReader(ConnectionString).ReadAsync(0, Cancel))
        {
            sequences.Add(record.Sequence);
        }

        // Checkpoints at 4, 8 and 10 (shutdown); 10 is the last record, so the purge ends at 8.
        Assert.Equal([9L, 10, 11, 12], sequences);
        using var key = AuditKeyFiles.ReadSigningKey(SigningKeyFile);
        var result = await AuditVerifier.VerifyAsync(new PostgresAuditReader(ConnectionString), key, Cancel);
        Assert.True(result.Intact, result.Reason);
    }

    private Dictionary<string, string?> Settings(int retentionDays = 2190) => new()
    {
        ["Audit:Store"] = "postgres",
        ["Audit:ConnectionString"] = ConnectionString,
        ["Audit:SigningKeyFile"] = SigningKeyFile,
        ["Audit:RetentionDays"] = retentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
