using System.CommandLine;
using System.Text.Json;
using Caduceus.Gateway.Models;

namespace Caduceus.Cli.Commands.Models;

/// <summary>
/// <c>caduceus models sign --key PRIVATE.pem --out manifest.json</c>: hashes the built-in models and every
/// <c>Models:Files</c> entry and writes the signed manifest the gateway verifies at start.
/// </summary>
internal static class ModelsSignCommand
{
    public static Command Create()
    {
        var key = new Option<FileInfo>("--key") { Description = "The deployment's private key (PEM, from 'models keygen').", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the manifest (Models:Integrity:ManifestFile).", Required = true };
        var command = new Command("sign", "Write a manifest of the model files (built-in and Models:Files) signed with the deployment key.") { key, output };
        command.SetAction((parse, cancellationToken) => ModelInventorySession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), session =>
        {
            ModelManifest manifest;
            try
            {
                using var privateKey = ModelManifestSigner.LoadKey(parse.GetValue(key)!.FullName, requirePrivate: true);
                manifest = ModelManifestSigner.Sign(ModelIntegrityCheck.CurrentDigests(session.Options.Models), privateKey);
            }
            catch (InvalidDataException exception)
            {
                return Task.FromResult(CommandErrors.Fail(exception.Message));
            }

            var path = parse.GetValue(output)!.FullName;
            try
            {
                File.WriteAllText(path, JsonSerializer.Serialize(manifest, ModelManifestJsonContext.Default.ModelManifest) + "\n");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return Task.FromResult(CommandErrors.Fail($"could not write {path}: {exception.Message}"));
            }

            Console.WriteLine($"Signed {manifest.Files.Count} model files into {path}.");
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
