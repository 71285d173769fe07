using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Hosting;
using Caduceus.Policy;

namespace Caduceus.Cli;

/// <summary>What the text-processing verbs (<c>scan</c>, <c>redact</c>) share: where the text comes from and which policy applies.</summary>
internal static class TextCommandInput
{
    /// <summary>The text from TEXT, <c>--file</c> or standard input (<c>-</c>), or a one-line error.</summary>
    public static async Task<(string? Text, string? Error)> ReadAsync(string? text, FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is not null && text is not null)
        {
            return (null, "give either TEXT or --file, not both.");
        }

        if (file is not null)
        {
            if (!file.Exists)
            {
                return (null, $"file '{file.FullName}' does not exist.");
            }

            return (await File.ReadAllTextAsync(file.FullName, cancellationToken), null);
        }

        if (text == "-")
        {
            return (await Console.In.ReadToEndAsync(cancellationToken), null);
        }

        return text is null ? (null, "nothing to scan: give TEXT, --file FILE, or '-' for standard input.") : (text, null);
    }

    /// <summary>The application's request policy, read from the same configuration sources as <c>serve</c>.</summary>
    public static DirectionPolicy? RequestPolicy(FileInfo? configFile, string application, out string error) =>
        Application(configFile, application, out error)?.Policy.Request;

    /// <summary>The named application's configuration (policy and detection layers), or null with a one-line error.</summary>
    public static ApplicationOptions? Application(FileInfo? configFile, string application, out string error)
    {
        error = string.Empty;
        try
        {
            var configuration = GatewayConfiguration.Build(new GatewayLaunchOptions { ConfigFile = configFile?.FullName });
            if (GatewayConfiguration.BindOptions(configuration).Applications.TryGetValue(application, out var options))
            {
                return options;
            }

            error = $"no application named '{application}' is configured.";
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or InvalidOperationException)
        {
            error = "invalid configuration: " + exception.Message;
        }

        return null;
    }
}
