using System.CommandLine;
using System.Text.Json;
using Caduceus.Gateway.Models;

namespace Caduceus.Cli.Commands.Models;

/// <summary>
/// <c>caduceus models verify [--json]</c>: the check the gateway runs at start, reported file by file (OK, CHANGED,
/// MISSING, UNLISTED). Exits 1 on any problem, 2 when the key or manifest cannot be read.
/// </summary>
internal static class ModelsVerifyCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("verify", "Check the model files against the signed manifest (Models:Integrity), or the built-in models against the build's hashes.") { json };
        command.SetAction((parse, cancellationToken) => ModelInventorySession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), session =>
        {
            ModelIntegrityReport report;
            try
            {
                report = ModelIntegrityCheck.Run(session.Options.Models);
            }
            catch (InvalidDataException exception)
            {
                return Task.FromResult(CommandErrors.Fail("model integrity: " + exception.Message));
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, ModelManifestJsonContext.Default.ModelIntegrityReport));
            }
            else
            {
                if (report.SignatureValid is { } valid)
                {
                    Console.WriteLine($"signature  {(valid ? "OK" : "INVALID")}");
                }

                foreach (var file in report.Files)
                {
                    Console.WriteLine($"{file.Status.ToString().ToUpperInvariant(),-9}  {file.Name}");
                }

                Console.WriteLine(report.Summary());
            }

            return Task.FromResult(report.IsOk ? ExitCodes.Success : ExitCodes.FindingsFailed);
        }));
        return command;
    }
}
