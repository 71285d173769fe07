using System.ClientModel;
using System.Net.Http.Headers;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Storage;
using Caduceus.Identity;
using Caduceus.TestModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;

namespace Caduceus.Gateway.Tests.Infrastructure;

/// <summary>
/// A real gateway and a real test model, each on a free loopback port, with a fresh data directory and a
/// <see cref="CallerRoles.Service"/> key of the default application.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    private readonly WebApplication _gateway;
    private readonly RunningTestModel? _model;
    private readonly string _dataDirectory;

    private GatewayHarness(WebApplication gateway, RunningTestModel? model, string dataDirectory, Uri baseAddress, string apiKey, CapturingLoggerProvider logs)
    {
        _gateway = gateway;
        _model = model;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        Logs = logs;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(20) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public Uri BaseAddress { get; }

    public string ApiKey { get; }

    /// <summary>An HTTP client that sends the valid key.</summary>
    public HttpClient Http { get; }

    public CapturingLoggerProvider Logs { get; }

    public string DataDirectory => _dataDirectory;

    public RecentSecurityEvents Events => _gateway.Services.GetRequiredService<RecentSecurityEvents>();

    public IServiceProvider Services => _gateway.Services;

    /// <summary>Where the gateway's database lives, for a second store on it (as the CLI opens one).</summary>
    public string DatabaseDirectory => _gateway.Services.GetRequiredService<GatewayDatabase>().DirectoryPath;

    /// <summary>The gateway's own key store.</summary>
    public IApiKeyStore Keys => _gateway.Services.GetRequiredService<IApiKeyStore>();

    /// <summary>Creates a key of the default application with <paramref name="roles"/>.</summary>
    public Task<IssuedApiKey> CreateKeyAsync(params string[] roles) =>
        Keys.CreateAsync(new NewApiKey("default", roles), CancellationToken.None);

    /// <summary>An HTTP client that sends <paramref name="secret"/> as its key.</summary>
    public HttpClient HttpWithKey(string secret)
    {
        var client = AnonymousHttp();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static async Task<GatewayHarness> StartAsync(
        TestModelScript? script = null,
        IDictionary<string, string?>? settings = null,
        string? upstreamOverride = null,
        string urls = "http://127.0.0.1:0",
        Action<IServiceCollection>? configureServices = null)
    {
        RunningTestModel? model = null;
        if (upstreamOverride is null)
        {
            model = await TestModelServer.StartAsync(new TestModelOptions { Urls = "http://127.0.0.1:0", Script = script });
        }

        var dataDirectory = Directory.CreateTempSubdirectory("caduceus-test-").FullName;
        var logs = new CapturingLoggerProvider();
        var launch = new GatewayLaunchOptions
        {
            ContentRoot = dataDirectory,
            Urls = urls,
            Upstream = upstreamOverride ?? model!.ApiBaseAddress.ToString(),
            ConfigureServices = services =>
            {
                services.AddLogging(logging => logging.ClearProviders().AddProvider(logs));
                configureServices?.Invoke(services);
            },
        };
        launch.Settings["DataDirectory"] = Path.Combine(dataDirectory, "data");

        // Many tests send bursts through one key; the product's defaults (60 a minute) are for production callers.
        // Tests of the limits themselves set their own.
        launch.Settings["Limits:RequestsPerMinute"] = "1000000";
        launch.Settings["Limits:TokensPerHour"] = "1000000000";
        launch.Settings["Limits:TokensPerDay"] = "1000000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            launch.Settings[key] = value;
        }

        var gateway = GatewayApplication.Build(launch);
        try
        {
            await gateway.StartAsync();
        }
        catch (Exception) when (model is not null)
        {
            // A test that expects the start to fail still must not leave the test model running.
            await gateway.DisposeAsync();
            await model.DisposeAsync();
            throw;
        }

        var issued = await gateway.Services.GetRequiredService<IApiKeyStore>().CreateAsync(new NewApiKey("default", [CallerRoles.Service]), CancellationToken.None);
        var address = GatewayApplication.ListeningAddresses(gateway).First();
        return new GatewayHarness(gateway, model, dataDirectory, new Uri(address + "/"), issued.Secret, logs);
    }

    public ChatClient ChatClient(string model = "caduceus-test-model") =>
        new(model, new ApiKeyCredential(ApiKey), new OpenAIClientOptions { Endpoint = new Uri(BaseAddress, "v1/") });

    public HttpClient AnonymousHttp() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _gateway.StopAsync();
        await _gateway.DisposeAsync();
        if (_model is not null)
        {
            await _model.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
