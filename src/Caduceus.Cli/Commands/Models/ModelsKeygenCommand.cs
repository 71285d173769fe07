using System.CommandLine;
using System.Security.Cryptography;

namespace Caduceus.Cli.Commands.Models;

/// <summary><c>caduceus models keygen --private-key FILE --public-key FILE</c>: a deployment key pair (ECDSA P-256, PEM) for signing model manifests.</summary>
internal static class ModelsKeygenCommand
{
    public static Command Create()
    {
        var privateKey = new Option<FileInfo>("--private-key") { Description = "Where to write the private key (mode 0600); keep it off the gateway's machines.", Required = true };
        var publicKey = new Option<FileInfo>("--public-key") { Description = "Where to write the public key, for Models:Integrity:PublicKeyFile.", Required = true };
        var command = new Command("keygen", "Make an ECDSA P-256 key pair for signing the model manifest; existing files are never overwritten.") { privateKey, publicKey };
        command.SetAction(parse =>
        {
            var privatePath = parse.GetValue(privateKey)!.FullName;
            var publicPath = parse.GetValue(publicKey)!.FullName;
            if (File.Exists(privatePath) || File.Exists(publicPath))
            {
                return CommandErrors.Fail($"'{(File.Exists(privatePath) ? privatePath : publicPath)}' already exists; keygen never overwrites a key.");
            }

            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            try
            {
                WritePrivate(privatePath, key.ExportPkcs8PrivateKeyPem());
                File.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem());
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                File.Delete(privatePath);
                return CommandErrors.Fail("could not write the key pair: " + exception.Message);
            }

            Console.WriteLine($"Wrote private key {privatePath} (keep it secret) and public key {publicPath}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WritePrivate(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(pem);
    }
}
