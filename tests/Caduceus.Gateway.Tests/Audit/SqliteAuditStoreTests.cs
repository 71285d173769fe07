using System.Data.Common;
using Caduceus.Gateway.Audit;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Tests.Audit;

/// <summary>The audit store contract on the embedded SQLite store.</summary>
public sealed class SqliteAuditStoreTests : AuditStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-audit-").FullName;

    private string DatabasePath => Path.Combine(_directory, AuditSchema.FileName);

    public override async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        await base.DisposeAsync();
    }

    protected override IAuditStore CreateStore() => new SqliteAuditStore(DatabasePath);

    protected override IAuditReader CreateReader() => new SqliteAuditReader(DatabasePath);

    protected override Task<DbConnection> OpenDatabaseAsync() => Task.FromResult<DbConnection>(AuditDatabase.Open(_directory));
}
