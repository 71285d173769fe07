using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Hosting;

/// <summary>How to start a gateway: where its configuration lives and what the command line overrides.</summary>
public sealed class GatewayLaunchOptions
{
    /// <summary>Default listen address when neither configuration nor the command line names one.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Directory holding <c>appsettings.json</c>; relative data paths resolve against the working directory.</summary>
    public string ContentRoot { get; set; } = Directory.GetCurrentDirectory();

    /// <summary>An extra JSON configuration file (<c>--config</c>); it must exist.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Listen address(es) (<c>--urls</c>), overriding configuration.</summary>
    public string? Urls { get; set; }

    /// <summary>Upstream base URL of the default application (<c>--upstream</c>), overriding configuration.</summary>
    public string? Upstream { get; set; }

    /// <summary>Configuration entries with the highest precedence (tests, embedding hosts).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Last-chance service overrides (tests, embedding hosts).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}
