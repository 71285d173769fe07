using System.CommandLine;
using Caduceus.Cli.Commands.Audit;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.ThreatIntel;

namespace Caduceus.Cli.Commands.Intel;

/// <summary>
/// <c>caduceus intel export [--since T] [--out FILE]</c>: the gateway's own attack indicators (payload hashes and
/// abusive addresses, never text) as one STIX 2.1 bundle, read from its database (the shared one under
/// <c>State:Store = postgres</c>); a file appears only when complete.
/// </summary>
internal static class IntelExportCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only indicators last seen at or after this time: " + AuditTimeText.Format + "." };
        var output = new Option<FileInfo?>("--out") { Description = "Write the bundle to this file instead of standard output." };
        var command = new Command("export", "Export the attack indicators the gateway saw as a STIX 2.1 bundle.") { since, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var now = KeyStoreSession.Clock.GetUtcNow();
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } sinceText)
            {
                if (!AuditTimeText.TryParse(sinceText, now, out var parsed, out var error))
                {
                    return CommandErrors.Fail("--since: " + error);
                }

                if (parsed > now)
                {
                    return CommandErrors.Fail($"--since: '{sinceText}' is in the future.");
                }

                from = parsed;
            }

            var file = parse.GetValue(output);
            if (file is not null && file.Directory is { Exists: false } directory)
            {
                return CommandErrors.Fail($"--out: the directory '{directory.FullName}' does not exist.");
            }

            return await KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
            {
                if (session.SharedState is null && !File.Exists(session.Database.FilePath))
                {
                    return CommandErrors.Fail($"there is no gateway database at '{session.Database.FilePath}'; run 'caduceus serve' first or check DataDirectory.");
                }

                if (file is null)
                {
                    await using var stdout = Console.OpenStandardOutput();
                    await ThreatIntelExport.WriteBundleAsync(session.Database, session.SharedState, from, now, stdout, cancellationToken);
                    return ExitCodes.Success;
                }

                var partial = file.FullName + ".partial";
                try
                {
                    int written;
                    await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
                    {
                        written = await ThreatIntelExport.WriteBundleAsync(session.Database, session.SharedState, from, now, stream, cancellationToken);
                    }

                    File.Move(partial, file.FullName, overwrite: true);
                    Console.WriteLine($"Exported {written} indicators to {file.FullName}.");
                    return ExitCodes.Success;
                }
                finally
                {
                    if (File.Exists(partial))
                    {
                        File.Delete(partial);
                    }
                }
            });
        });
        return command;
    }
}
