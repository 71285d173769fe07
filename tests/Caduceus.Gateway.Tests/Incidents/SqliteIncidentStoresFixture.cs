using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Incidents;

/// <summary>A gateway SQLite database in a fresh directory, for the incident store contracts.</summary>
internal sealed class SqliteIncidentStoresFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-incidents-").FullName;

    public SqliteIncidentStoresFixture() => Database = Open();

    public GatewayDatabase Database { get; }

    /// <summary>Another handle on the same database file, as another process would open it.</summary>
    public GatewayDatabase Open() => new(Options.Create(new GatewayOptions { DataDirectory = _directory }));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
