using Caduceus.BenchGateway;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

// The gateway as `caduceus serve` runs it, for the load test only: `--audit off` replaces the audit trail with one that
// commits nothing, so one load-test run can compare the same gateway with and without its audit commit.
// Usage: caduceus-bench-gateway --urls URL --upstream URL [--audit on|off]
var settings = ParseArguments(args);
if (settings is null)
{
    Console.Error.WriteLine("usage: caduceus-bench-gateway --urls URL --upstream URL [--audit on|off]");
    return 2;
}

var launch = new GatewayLaunchOptions { Urls = settings.Value.Urls, Upstream = settings.Value.Upstream };
if (!settings.Value.Audit)
{
    launch.ConfigureServices = UncommittedAuditLog.ReplaceAuditTrail;
    Console.WriteLine("BENCHMARK ONLY: the audit trail is off; nothing this gateway answers is audited.");
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

static (string Urls, string Upstream, bool Audit)? ParseArguments(string[] args)
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

    return args.Length % 2 == 0 && urls is not null && upstream is not null && audit is "on" or "off"
        ? (urls, upstream, audit == "on")
        : null;
}
