using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Hosting;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>The configuration the <c>audit</c> verbs share with <c>serve</c>, checked as far as they use it.</summary>
internal static class AuditCommandOptions
{
    /// <summary>The options, or null with <paramref name="error"/> saying (in one line, never a connection string) why not.</summary>
    public static GatewayOptions? Load(FileInfo? configFile, out string error)
    {
        GatewayOptions options;
        try
        {
            options = GatewayConfiguration.BindOptions(GatewayConfiguration.Build(new GatewayLaunchOptions { ConfigFile = configFile?.FullName }));
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or InvalidOperationException or FormatException)
        {
            error = "invalid configuration: " + exception.Message;
            return null;
        }

        var audit = options.Audit;
        error = !audit.UsesPostgres && !string.Equals(audit.Store, AuditOptions.SqliteStore, StringComparison.OrdinalIgnoreCase)
            ? "invalid configuration: Audit:Store must be sqlite or postgres."
            : audit.UsesPostgres && string.IsNullOrWhiteSpace(audit.ConnectionString)
                ? "invalid configuration: Audit:ConnectionString is required when Audit:Store is postgres (CADUCEUS_Audit__ConnectionString)."
                : audit.RetentionDays < 1
                    ? "invalid configuration: Audit:RetentionDays must be at least 1."
                    : string.Empty;
        return error.Length == 0 ? options : null;
    }

    /// <summary>The checkpoint key from its file (the <c>audit</c> verbs never create one).</summary>
    public static System.Security.Cryptography.ECDsa ReadSigningKey(GatewayOptions options) =>
        AuditKeyFiles.ReadSigningKey(AuditKeyFiles.SigningKeyPath(options.Audit, Path.GetFullPath(options.DataDirectory)));
}
