using System.CommandLine;
using System.Data.Common;
using System.Text.Json;
using Caduceus.Gateway.Audit;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>
/// <c>caduceus audit verify [--json]</c>: walks the hash chain and checks every signed checkpoint, in the store the
/// configuration names. Exits 0 when the log is intact, 1 naming the first broken record, 2 when it cannot verify
/// (configuration, missing file or key, unreachable store).
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON line." };
        var command = new Command("verify", "Verify the audit trail's hash chain and checkpoint signatures; exits 1 naming the first broken record.") { json };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? configFile, bool json, CancellationToken cancellationToken)
    {
        if (AuditCommandOptions.Load(configFile, out var error) is not { } options)
        {
            return CommandErrors.Fail(error);
        }

        AuditVerification result;
        try
        {
            using var key = AuditCommandOptions.ReadSigningKey(options);
            result = await AuditVerifier.VerifyAsync(AuditReaders.Open(options), key, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException or DbException or IOException)
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
