using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Caduceus.Gateway.Audit;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>
/// <c>caduceus audit purge [--before DATE] [--dry-run] [--json]</c>: removes records older than DATE (default: now
/// minus <c>Audit:RetentionDays</c>) up to the newest signed checkpoint before it, leaving an <c>admin</c> audit
/// record of the purge. Exits 0 (also when nothing may go), 2 on a bad date, configuration or store.
/// </summary>
internal static class AuditPurgeCommand
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static Command Create()
    {
        var before = new Option<string?>("--before") { Description = "Purge records older than this UTC date (yyyy-MM-dd or ISO 8601 time); default: Audit:RetentionDays ago." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only report what would be purged." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON line." };
        var command = new Command("purge", "Purge audit records older than a date, up to a signed checkpoint, so the rest still verifies.") { before, dryRun, json };
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), parse.GetValue(before), parse.GetValue(dryRun), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? configFile, string? beforeText, bool dryRun, bool json, CancellationToken cancellationToken)
    {
        if (AuditCommandOptions.Load(configFile, out var error) is not { } options)
        {
            return CommandErrors.Fail(error);
        }

        var now = DateTimeOffset.UtcNow;
        DateTimeOffset before;
        if (beforeText is null)
        {
            before = now.AddDays(-options.Audit.RetentionDays);
        }
        else if (!DateTimeOffset.TryParseExact(beforeText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out before))
        {
            return CommandErrors.Fail("--before must be a date (yyyy-MM-dd) or an ISO 8601 time.");
        }
        else if (before > now)
        {
            return CommandErrors.Fail("--before must not be in the future.");
        }

        AuditPurge? purge;
        try
        {
            using var verificationKey = AuditCommandOptions.ReadSigningKey(options);
            await using var log = new AuditLog(AuditStores.Create(options), AuditCommandOptions.ReadSigningKey(options), options.Audit, TimeProvider.System);
            var store = AuditStores.Create(options);
            await using (store)
            {
                purge = await new AuditRetention(store, AuditReaders.Open(options), verificationKey, log, TimeProvider.System).PurgeAsync(before, dryRun, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or FileNotFoundException or DbException or IOException)
        {
            return CommandErrors.Fail("the audit trail cannot be purged: " + exception.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }

        Print(purge, before, dryRun, json);
        return ExitCodes.Success;
    }

    private static void Print(AuditPurge? purge, DateTimeOffset before, bool dryRun, bool json)
    {
        var date = before.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            using (var writer = new Utf8JsonWriter(stdout))
            {
                writer.WriteStartObject();
                writer.WriteString("before", date);
                writer.WriteBoolean("dry_run", dryRun);
                writer.WriteNumber("records", purge?.Records ?? 0);
                writer.WriteNumber("checkpoints", purge?.Checkpoints ?? 0);
                if (purge is not null)
                {
                    writer.WriteNumber("first_seq", purge.FirstSequence);
                    writer.WriteNumber("through_seq", purge.ThroughSequence);
                }

                writer.WriteEndObject();
            }

            stdout.Write("\n"u8);
        }
        else if (purge is null)
        {
            Console.WriteLine($"Nothing to purge: no signed checkpoint before {date} has records up to it.");
        }
        else
        {
            Console.WriteLine($"{(dryRun ? "Would purge" : "Purged")} records {purge.FirstSequence} to {purge.ThroughSequence} ({purge.Records} records, {purge.Checkpoints} checkpoints) older than {date}; the chain continues from the signed checkpoint at record {purge.ThroughSequence}.");
        }
    }
}
