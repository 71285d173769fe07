using System.CommandLine;
using Caduceus.Gateway.Audit.Export;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>
/// <c>caduceus audit export --since T [--until T] --format fhir|jsonl [--out FILE]</c>: the records of a time range,
/// one line each, to standard output or a file. A file appears only when the export is complete.
/// </summary>
internal static class AuditExportCommand
{
    public static Command Create()
    {
        var range = new AuditQueryOptions();
        range.Since.Required = true;
        var format = new Option<string>("--format") { Description = "jsonl (records with their hashes) or fhir (FHIR R4 AuditEvent NDJSON).", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export audit records as JSON lines (re-verifiable) or FHIR R4 AuditEvent resources.")
        {
            range.Since, range.Until, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!range.TryRead(parse, TimeProvider.System.GetUtcNow(), out var query, out var error))
            {
                return CommandErrors.Fail(error);
            }

            AuditExportFormat exportFormat;
            switch (parse.GetValue(format)?.Trim().ToLowerInvariant())
            {
                case "jsonl":
                    exportFormat = AuditExportFormat.Jsonl;
                    break;
                case "fhir":
                    exportFormat = AuditExportFormat.Fhir;
                    break;
                default:
                    return CommandErrors.Fail($"--format: '{parse.GetValue(format)}' is not a format; use jsonl or fhir.");
            }

            var file = parse.GetValue(output);
            return await AuditTrailSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async reader =>
            {
                if (file is null)
                {
                    // Standard output is unbuffered; without a buffer every line would cost its own writes.
                    await using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
                    await AuditExport.WriteAsync(reader, query, exportFormat, stdout, Environment.MachineName, cancellationToken);
                    return ExitCodes.Success;
                }

                var partial = file.FullName + ".partial";
                try
                {
                    long written;
                    await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                    {
                        written = await AuditExport.WriteAsync(reader, query, exportFormat, stream, Environment.MachineName, cancellationToken);
                    }

                    File.Move(partial, file.FullName, overwrite: true);
                    Console.WriteLine($"Exported {written} records to {file.FullName}.");
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
