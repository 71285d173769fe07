using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Audit.Search;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Tests.Audit.Search;

public sealed class AuditSearchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-audit-search-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Finds_exactly_the_matching_records_oldest_first()
    {
        var records = SampleAuditRecords.Generate(11, 300).ToList();
        await SampleAuditRecords.WriteTrailAsync(_directory, records, Cancel);
        var query = new AuditQuery { Decision = "blocked", Application = "app1" };

        var found = await FindAsync(query);

        var expected = records.Select((r, i) => (Sequence: i + 1L, Record: r)).Where(x => query.Matches(x.Record)).Select(x => x.Sequence).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Select(m => m.Stored.Sequence));
        Assert.All(found, m => Assert.Equal(("blocked", "app1"), (m.Record.Decision, m.Record.Application)));
    }

    [Fact]
    public async Task Stops_at_the_limit()
    {
        await SampleAuditRecords.WriteTrailAsync(_directory, SampleAuditRecords.Generate(11, 50), Cancel);

        Assert.Equal([1L, 2L, 3L], (await FindAsync(new AuditQuery { Limit = 3 })).Select(m => m.Stored.Sequence));
    }

    [Fact]
    public async Task A_record_that_is_not_canonical_fails_naming_its_sequence()
    {
        await SampleAuditRecords.WriteTrailAsync(_directory, SampleAuditRecords.Generate(11, 5), Cancel);
        AuditDatabase.Execute(_directory, "UPDATE audit_records SET record = CAST('{\"seq\":4}' AS BLOB) WHERE seq = 4");

        var exception = await Assert.ThrowsAsync<AuditRecordFormatException>(() => FindAsync(new AuditQuery()));

        Assert.Equal(4, exception.Sequence);
    }

    private async Task<List<AuditMatch>> FindAsync(AuditQuery query)
    {
        var found = new List<AuditMatch>();
        await foreach (var match in AuditSearch.FindAsync(new SqliteAuditReader(Path.Combine(_directory, AuditSchema.FileName)), query, Cancel))
        {
            found.Add(match);
        }

        return found;
    }
}
