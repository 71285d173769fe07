using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Hosting;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>
/// Opens the audit trail the way <c>serve</c> finds it (same configuration sources) for the reading verbs, and turns
/// configuration, storage and record-format failures into the one-line error every verb ends with.
/// </summary>
internal static class AuditTrailSession
{
    public static async Task<int> RunAsync(FileInfo? configFile, Func<IAuditReader, Task<int>> action)
    {
        GatewayOptions options;
        try
        {
            options = GatewayConfiguration.BindOptions(GatewayConfiguration.Build(new GatewayLaunchOptions { ConfigFile = configFile?.FullName }));
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or InvalidOperationException or FormatException)
        {
            return CommandErrors.Fail("invalid configuration: " + exception.Message);
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            return CommandErrors.Fail("invalid configuration: DataDirectory must name a directory.");
        }

        try
        {
            return await action(AuditReaders.Open(options));
        }
        catch (AuditRecordFormatException exception)
        {
            return CommandErrors.Fail("the audit trail cannot be read: " + exception.Message + ". Run 'caduceus audit verify'.");
        }
        catch (Exception exception) when (exception is FileNotFoundException or SqliteException or IOException or UnauthorizedAccessException)
        {
            return CommandErrors.Fail("the audit trail cannot be read: " + exception.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
