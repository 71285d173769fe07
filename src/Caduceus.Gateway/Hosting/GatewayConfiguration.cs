using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Configuration;

namespace Caduceus.Gateway.Hosting;

/// <summary>
/// The one place configuration is assembled, so the gateway and every CLI verb read the same sources in the same
/// order: <c>appsettings.json</c>, then <c>--config FILE</c>, then <c>CADUCEUS_</c> environment variables
/// (e.g. <c>CADUCEUS_Limits__MaxMessages=64</c>), then the command line.
/// </summary>
public static class GatewayConfiguration
{
    public const string EnvironmentPrefix = "CADUCEUS_";

    /// <summary>Environment variable that creates this client key when the store has none yet.</summary>
    public const string BootstrapApiKeyVariable = "CADUCEUS_BOOTSTRAP_API_KEY";

    public static void AddSources(IConfigurationBuilder builder, GatewayLaunchOptions launch)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(launch);
        builder.AddJsonFile(Path.Combine(launch.ContentRoot, "appsettings.json"), optional: true, reloadOnChange: false);
        if (launch.ConfigFile is not null)
        {
            var path = Path.GetFullPath(launch.ConfigFile);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Configuration file '{launch.ConfigFile}' does not exist.", path);
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        var overrides = new Dictionary<string, string?>(launch.Settings, StringComparer.OrdinalIgnoreCase);
        if (launch.Urls is not null)
        {
            overrides["Urls"] = launch.Urls;
        }

        if (launch.Upstream is not null)
        {
            overrides[$"Applications:{GatewayOptions.DefaultApplicationName}:Upstream:BaseUrl"] = launch.Upstream;
        }

        builder.AddInMemoryCollection(overrides);
    }

    /// <summary>Builds the configuration alone, for CLI verbs that act on the gateway's store without serving.</summary>
    public static IConfigurationRoot Build(GatewayLaunchOptions launch)
    {
        var builder = new ConfigurationBuilder();
        AddSources(builder, launch);
        return builder.Build();
    }

    /// <summary>Binds the gateway options from a configuration, the default application always present.</summary>
    public static GatewayOptions BindOptions(IConfiguration configuration)
    {
        var options = new GatewayOptions();
        configuration.Bind(options);
        EnsureDefaultApplication(options);
        return options;
    }

    /// <summary>The default application exists even when configuration does not mention it.</summary>
    public static void EnsureDefaultApplication(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Applications.TryAdd(GatewayOptions.DefaultApplicationName, new ApplicationOptions());
    }
}
