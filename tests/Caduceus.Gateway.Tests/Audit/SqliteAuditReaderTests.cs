using Caduceus.Gateway.Audit;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Tests.Audit;

public sealed class SqliteAuditReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-audit-reader-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Reads_every_record_in_sequence_order_with_a_chain_that_links()
    {
        var records = SampleAuditRecords.Generate(3, 25).ToList();
        await SampleAuditRecords.WriteTrailAsync(_directory, records, Cancel);

        var stored = await ReadAsync(0);

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), stored.Select(s => s.Sequence));
        Assert.Equal(AuditChain.Genesis, stored[0].PreviousHash);
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(records[i].ToCanonicalJson(i + 1), stored[i].CanonicalJson);
            Assert.Equal(AuditChain.Hash(stored[i].PreviousHash, stored[i].CanonicalJson), stored[i].Hash);
            if (i > 0)
            {
                Assert.Equal(stored[i - 1].Hash, stored[i].PreviousHash);
            }
        }
    }

    [Fact]
    public async Task Reads_only_records_after_the_given_sequence()
    {
        await SampleAuditRecords.WriteTrailAsync(_directory, SampleAuditRecords.Generate(3, 10), Cancel);

        Assert.Equal([8L, 9L, 10L], (await ReadAsync(7)).Select(s => s.Sequence));
        Assert.Empty(await ReadAsync(10));
    }

    [Fact]
    public async Task A_missing_database_fails_with_file_not_found_and_creates_nothing()
    {
        var path = Path.Combine(_directory, AuditSchema.FileName);

        await Assert.ThrowsAsync<FileNotFoundException>(() => ReadAsync(0));
        Assert.False(File.Exists(path));
    }

    private async Task<List<StoredAuditRecord>> ReadAsync(long afterSequence)
    {
        var reader = new SqliteAuditReader(Path.Combine(_directory, AuditSchema.FileName));
        var stored = new List<StoredAuditRecord>();
        await foreach (var record in reader.ReadAsync(afterSequence, Cancel))
        {
            stored.Add(record);
        }

        return stored;
    }
}
