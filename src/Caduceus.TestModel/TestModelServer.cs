using Caduceus.TestModel.Endpoints;
using Caduceus.TestModel.Hosting;
using Caduceus.TestModel.Profiles;
using Caduceus.TestModel.Scripting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.TestModel;

/// <summary>
/// Starts the OpenAI-compatible stand-in model: <c>POST /v1/chat/completions</c> (whole or streamed),
/// <c>GET /v1/models</c>, and OpenAI-shaped errors for everything else.
/// </summary>
public static class TestModelServer
{
    // Stalled requests are cancelled when stopping begins; this only bounds a wedged connection.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>Builds and starts the server, and returns it once it is listening.</summary>
    /// <exception cref="TestModelScriptException">The script file is missing or the script is invalid.</exception>
    /// <exception cref="ArgumentException">The options are invalid: no URL, a URL that is not http://, more than one of script path, script and profile, or an unknown profile.</exception>
    /// <exception cref="IOException">Kestrel could not bind an address (for example, the port is in use).</exception>
    /// <exception cref="InvalidOperationException">Kestrel rejected an address (for example, <c>localhost</c> with port 0).</exception>
    public static async Task<RunningTestModel> StartAsync(TestModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var urls = ParseUrls(options);
        var script = LoadScript(options);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TestModelServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().UseUrls(urls);
        builder.Logging
            .SetMinimumLevel(options.MinimumLogLevel)
            .AddSimpleConsole(console => console.SingleLine = true)
            // Start-up and stop failures are thrown to the caller; logging them too would print every stack trace twice.
            .AddFilter(HostCategory, LogLevel.None);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(script);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ChatCompletionsEndpoint>();
        builder.Services.AddSingleton<ModelsEndpoint>();

        var app = builder.Build();
        app.MapTestModelEndpoints();
        try
        {
            await app.StartAsync(cancellationToken);
            return new RunningTestModel(app, ResolveBaseAddress(app));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static string[] ParseUrls(TestModelOptions options)
    {
        var urls = (options.Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            throw new ArgumentException("TestModelOptions.Urls must name at least one listen address, e.g. http://127.0.0.1:8081.", nameof(options));
        }

        foreach (var url in urls)
        {
            // Kestrel would fail later with a less direct message (and, for https, a hint about configuration we don't offer).
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new ArgumentException($"TestModelOptions.Urls: '{url}' is not a listen address like http://127.0.0.1:8081.", nameof(options));
            }

            if (!string.Equals(address.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"TestModelOptions.Urls: '{url}' is not http://; the test model serves plain HTTP only.", nameof(options));
            }
        }

        return urls;
    }

    private static IResponsePlanner LoadScript(TestModelOptions options)
    {
        if (new object?[] { options.ScriptPath, options.Script, options.Profile }.Count(o => o is not null) > 1)
        {
            throw new ArgumentException("Set at most one of TestModelOptions.ScriptPath, Script and Profile.", nameof(options));
        }

        if (options.Profile is { } profile)
        {
            return TestModelProfiles.Resolve(profile)
                ?? throw new ArgumentException($"Unknown test model profile '{profile}'; known: {string.Join(", ", TestModelProfiles.Names)}.", nameof(options));
        }

        if (options.ScriptPath is { } path)
        {
            return CompiledScript.Compile(TestModelScript.Load(path), path);
        }

        return options.Script is { } script ? CompiledScript.Compile(script, CompiledScript.InCodeScriptName) : CompiledScript.Empty;
    }

    /// <summary>The first bound address, with a wildcard host replaced by loopback so clients can use it.</summary>
    private static Uri ResolveBaseAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The test model started but reported no listen address.");

        var uri = new UriBuilder(first) { Path = "/" };
        uri.Host = uri.Host switch
        {
            "0.0.0.0" or "+" or "*" => "127.0.0.1",
            "[::]" or "::" => "[::1]",
            var host => host,
        };
        return uri.Uri;
    }
}
