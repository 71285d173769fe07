using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Keys;
using Caduceus.Identity;
using Caduceus.TestModel;
using Caduceus.TestModel.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caduceus.RedTeam.Tests.Infrastructure;

/// <summary>
/// The vulnerable clinic model on a free loopback port, and a real gateway with its embedded default configuration in
/// front of it (fresh data directory, a service key of the default application whose rate limits fit a drill).
/// </summary>
internal sealed class GuardedClinic : IAsyncDisposable
{
    private readonly RunningTestModel _model;
    private readonly WebApplication _gateway;
    private readonly string _directory;

    private GuardedClinic(RunningTestModel model, WebApplication gateway, string directory, Uri gatewayAddress, string apiKey)
    {
        _model = model;
        _gateway = gateway;
        _directory = directory;
        GatewayAddress = gatewayAddress;
        ApiKey = apiKey;
    }

    /// <summary>The model's own API base, to drill it raw.</summary>
    public Uri ModelAddress => _model.ApiBaseAddress;

    /// <summary>The gateway's API base.</summary>
    public Uri GatewayAddress { get; }

    public string ApiKey { get; }

    public IServiceProvider GatewayServices => _gateway.Services;

    public static async Task<GuardedClinic> StartAsync()
    {
        var model = await TestModelServer.StartAsync(new TestModelOptions { Urls = "http://127.0.0.1:0", Profile = TestModelProfiles.VulnerableClinic });
        var directory = Directory.CreateTempSubdirectory("caduceus-redteam-").FullName;
        var launch = new GatewayLaunchOptions
        {
            ContentRoot = directory,
            Urls = "http://127.0.0.1:0",
            Upstream = model.ApiBaseAddress.ToString(),
            ConfigureServices = services => services.AddLogging(logging => logging.ClearProviders()),
        };
        launch.Settings["DataDirectory"] = Path.Combine(directory, "data");

        // A drill sends hundreds of requests a minute through one key: its key gets limits that fit the drill (as a
        // deployment would configure for its drill key), so what is measured is the gateway's judgement of content.
        launch.Settings["Limits:Roles:service:RequestsPerMinute"] = "100000";
        launch.Settings["Limits:Roles:service:TokensPerHour"] = "100000000";
        launch.Settings["Limits:Roles:service:TokensPerDay"] = "1000000000";
        var gateway = GatewayApplication.Build(launch);
        await gateway.StartAsync();
        var key = await gateway.Services.GetRequiredService<IApiKeyStore>().CreateAsync(new NewApiKey("default", [CallerRoles.Service]), CancellationToken.None);
        var address = new Uri(GatewayApplication.ListeningAddresses(gateway).First() + "/v1/");
        return new GuardedClinic(model, gateway, directory, address, key.Secret);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.StopAsync();
        await _gateway.DisposeAsync();
        await _model.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
