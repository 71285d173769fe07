using Caduceus.BenchGateway;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The gateway as `caduceus serve` runs it, for the load test only: `--audit off` replaces the audit trail with one that
// commits nothing, so one load-test run can compare the same gateway with and without its audit commit.
// `--audit sync-normal` keeps the audit trail but lets SQLite commit without an fsync per commit (synchronous=NORMAL),
// to show how much of the audit's cost is that fsync.
// Usage: caduceus-bench-gateway --urls URL --upstream URL [--audit on|off|sync-normal]
var settings = ParseArguments(args);
if (settings is null)
{
    Console.Error.WriteLine("usage: caduceus-bench-gateway --urls URL --upstream URL [--audit on|off|sync-normal]");
    return 2;
}

var launch = new GatewayLaunchOptions { Urls = settings.Value.Urls, Upstream = settings.Value.Upstream };
if (settings.Value.Audit == "off")
{
    launch.ConfigureServices = UncommittedAuditLog.ReplaceAuditTrail;
    Console.WriteLine("BENCHMARK ONLY: the audit trail is off; nothing this gateway answers is audited.");
}
else if (settings.Value.Audit == "sync-normal")
{
    launch.ConfigureServices = UnsyncedAuditLog.ReplaceAuditTrail;
    Console.WriteLine("BENCHMARK ONLY: audit commits are not fsynced; a power loss can lose the last records.");
}

var app = GatewayApplication.Build(launch);
await using (app)
{
    await app.StartAsync();
    await ApiKeyBootstrap.EnsureClientKeyAsync(
        app.Services.GetRequiredService<IApiKeyStore>(),
        Environment.GetEnvironmentVariable(GatewayConfiguration.BootstrapApiKeyVariable),
        CancellationToken.None);
    foreach (var address in GatewayApplication.ListeningAddresses(app))
    {
        Console.WriteLine($"Caduceus bench gateway listening on {address}");
    }

    await app.WaitForShutdownAsync();
}

return 0;

static (string Urls, string Upstream, string Audit)? ParseArguments(string[] args)
{
    string? urls = null, upstream = null, audit = "on";
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        switch (args[i])
        {
            case "--urls": urls = args[i + 1]; break;
            case "--upstream": upstream = args[i + 1]; break;
            case "--audit": audit = args[i + 1]; break;
            default: return null;
        }
    }

    return args.Length % 2 == 0 && urls is not null && upstream is not null && audit is "on" or "off" or "sync-normal"
        ? (urls, upstream, audit)
        : null;
}
