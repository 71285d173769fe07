using BenchmarkDotNet.Attributes;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Keys;
using Caduceus.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Benchmarks;

/// <summary>
/// What authentication costs per request on top of the pipeline: hash the presented key and look it up, in the
/// embedded SQLite store itself (pooled connection, one indexed SELECT) and through the store the gateway registers
/// (the SQLite store behind a short-lived in-memory cache).
/// </summary>
[MemoryDiagnoser]
public class ApiKeyLookupBenchmarks
{
    private string _dataDirectory = "";
    private ServiceProvider _services = null!;
    private IApiKeyLookup _lookup = null!;
    private SqliteApiKeyStore _sqlite = null!;
    private string _secret = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("caduceus-bench-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DataDirectory"] = _dataDirectory,
                [$"Applications:{GatewayOptions.DefaultApplicationName}:Upstream:BaseUrl"] = "http://upstream.invalid/v1",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCaduceusGateway(configuration);
        _services = services.BuildServiceProvider();
        _lookup = _services.GetRequiredService<IApiKeyLookup>();
        _sqlite = _services.GetRequiredService<SqliteApiKeyStore>();
        var key = new NewApiKey(GatewayOptions.DefaultApplicationName, [CallerRoles.Service]);

        // A store with a few keys, as after some use; the presented key is one of them.
        for (var i = 0; i < 20; i++)
        {
            await _sqlite.CreateAsync(key, CancellationToken.None);
        }

        _secret = (await _sqlite.CreateAsync(key, CancellationToken.None)).Secret;
        if (await _lookup.FindAsync(_secret, CancellationToken.None) is null || await _sqlite.FindAsync(_secret, CancellationToken.None) is null)
        {
            throw new InvalidOperationException("The key just created was not found.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Find API key in SQLite (SHA-256 + SELECT)")]
    public Task<ApiKeyMatch?> Find_valid_key_in_sqlite() => _sqlite.FindAsync(_secret, CancellationToken.None);

    [Benchmark(Description = "Find API key as registered (cache in front of SQLite)")]
    public Task<ApiKeyMatch?> Find_valid_key_as_registered() => _lookup.FindAsync(_secret, CancellationToken.None);
}
