using System.ClientModel;
using System.Net.Http.Headers;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.Storage;
using Caduceus.Identity;
using Caduceus.TestModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
        Action<IServiceCollection>? configureServices = null,
        bool seedTestModels = true)
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
        if (seedTestModels)
        {
            await SeedTestModelsAsync(gateway.Services);
        }

        var address = GatewayApplication.ListeningAddresses(gateway).First();
        return new GatewayHarness(gateway, model, dataDirectory, new Uri(address + "/"), issued.Secret, logs);
    }

    /// <summary>
    /// Puts the model names the tests send into every configured application's inventory, the test model as the
    /// default, with PHI allowed, so tests of other safeguards see the policy's decisions, not the inventory's. The
    /// inventory's own tests start with <c>seedTestModels: false</c>.
    /// </summary>
    private static async Task SeedTestModelsAsync(IServiceProvider services)
    {
        var inventory = services.GetRequiredService<IModelInventory>();
        foreach (var application in services.GetRequiredService<IOptions<GatewayOptions>>().Value.Applications.Keys)
        {
            var hasDefault = await inventory.GetDefaultAsync(application, CancellationToken.None) is not null;
            foreach (var model in TestModelNames)
            {
                await inventory.AddAsync(TestModelEntry(application, model, isDefault: !hasDefault && model == TestModelNames[0]), CancellationToken.None);
            }
        }
    }

    /// <summary>The model names tests send; the first is the default of each application.</summary>
    private static readonly string[] TestModelNames = ["caduceus-test-model", "m"];

    /// <summary>An inventory entry that lets PHI through, reviewed today.</summary>
    public static ModelEntry TestModelEntry(string application, string model, bool isDefault = false, bool phiAllowed = true) => new()
    {
        Application = application,
        Model = model,
        Owner = "tests",
        IntendedUse = "tests",
        PhiAllowed = phiAllowed,
        RiskTier = ModelRiskTiers.Low,
        LastReviewed = DateOnly.FromDateTime(DateTime.UtcNow),
        IsDefault = isDefault,
    };

    /// <summary>The gateway's model inventory.</summary>
    public IModelInventory Models => _gateway.Services.GetRequiredService<IModelInventory>();

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
