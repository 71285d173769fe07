using System.CommandLine;
using System.Text.Json;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Hosting;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>
/// <c>caduceus audit verify [--json]</c>: walks the hash chain and checks every signed checkpoint. Exits 0 when the
/// log is intact, 1 naming the first broken record, 2 when it cannot verify (configuration, missing file or key).
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON line." };
        var command = new Command("verify", "Verify the audit trail's hash chain and checkpoint signatures; exits 1 naming the first broken record.") { json };
        command.SetAction(parse => Run(parse.GetValue(CaduceusCommand.ConfigOption), parse.GetValue(json)));
        return command;
    }

    private static int Run(FileInfo? configFile, bool json)
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

        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var database = Path.Combine(dataDirectory, AuditSchema.FileName);
        AuditVerification result;
        try
        {
            using var key = AuditKeyFiles.ReadSigningKey(AuditKeyFiles.SigningKeyPath(options.Audit, dataDirectory));
            result = AuditVerifier.Verify(database, key);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException or SqliteException or IOException)
        {
            return CommandErrors.Fail("the audit trail cannot be verified: " + exception.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }

        if (json)
        {
            PrintJson(result);
        }
        else if (result.Intact)
        {
            Console.WriteLine($"Audit trail intact: {result.Records} records, {result.Checkpoints} signed checkpoints.");
        }
        else
        {
            Console.WriteLine($"Audit trail broken at record {result.BrokenSequence}: {result.Reason}.");
        }

        return result.Intact ? ExitCodes.Success : ExitCodes.FindingsFailed;
    }

    private static void PrintJson(AuditVerification result)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("intact", result.Intact);
            writer.WriteNumber("records", result.Records);
            writer.WriteNumber("checkpoints", result.Checkpoints);
            if (result.BrokenSequence is { } sequence)
            {
                writer.WriteNumber("broken_sequence", sequence);
                writer.WriteString("reason", result.Reason);
            }

            writer.WriteEndObject();
        }

        stdout.Write("\n"u8);
    }
}
