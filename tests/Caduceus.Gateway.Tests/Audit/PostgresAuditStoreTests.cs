using System.Data.Common;
using Caduceus.Gateway.Audit;
using Npgsql;

namespace Caduceus.Gateway.Tests.Audit;

/// <summary>The audit store contract on PostgreSQL (a database of its own per test), plus several writers on one chain.</summary>
public sealed class PostgresAuditStoreTests : AuditStoreContractTests
{
    private PostgresTestServer? _database;

    private string ConnectionString => _database!.ConnectionString;

    public override async ValueTask InitializeAsync() => _database = await PostgresTestServer.CreateDatabaseAsync();

    public override async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Two_gateway_instances_appending_concurrently_build_one_contiguous_chain_that_verifies()
    {
        long[] sequences;
        await using (var first = OpenLog())
        await using (var second = OpenLog())
        {
            sequences = await Task.WhenAll(Enumerable.Range(0, 128).Select(i => Task.Run(async () => await (i % 2 == 0 ? first : second).AppendAsync(Record("allowed"), Cancel), Cancel)));
        }

        Assert.Equal(Enumerable.Range(1, 128).Select(i => (long)i), sequences.Order());
        var result = await VerifyAsync();
        Assert.True(result.Intact, result.Reason);
        Assert.Equal(128, result.Records);
    }

    protected override IAuditStore CreateStore() => new PostgresAuditStore(ConnectionString);

    protected override IAuditReader CreateReader() => new PostgresAuditReader(ConnectionString);

    protected override async Task<DbConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
