using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Policies;
using Caduceus.Gateway.Storage;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Policies;

public sealed class SqlitePolicyOverrideStoreTests : PolicyOverrideStoreContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-policy-overrides-").FullName;
    private readonly SqlitePolicyOverrideStore _store;

    public SqlitePolicyOverrideStoreTests()
    {
        _store = (SqlitePolicyOverrideStore)OpenSecondStore();
    }

    private protected override IPolicyOverrideStore Store => _store;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private protected override IPolicyOverrideStore OpenSecondStore() =>
        new SqlitePolicyOverrideStore(new GatewayDatabase(Options.Create(new GatewayOptions { DataDirectory = _directory })));
}
