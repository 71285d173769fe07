using System.CommandLine;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Vault;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Commands.Keys;

/// <summary>
/// <c>caduceus keys rotate-master --new-key-file F | --new-key-env VAR</c>: re-wraps every data key of the gateway's
/// keyring with a new master key, all or nothing. Data keys do not change, so nothing else is re-encrypted and a
/// running gateway keeps serving with the keys it holds in memory.
/// </summary>
internal static class KeysRotateMasterCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo?>("--new-key-file") { Description = "File holding the new master key: base64 of 32 random bytes (e.g. `openssl rand -base64 32`)." };
        var variable = new Option<string?>("--new-key-env") { Description = "Environment variable holding the new master key (base64 of 32 random bytes)." };
        var command = new Command("rotate-master", "Re-wrap every data key with a new master key in one transaction; a running gateway keeps serving.") { file, variable };
        command.SetAction(parse => Run(parse.GetValue(CaduceusCommand.ConfigOption), parse.GetValue(file), parse.GetValue(variable)));
        return command;
    }

    private static int Run(FileInfo? configFile, FileInfo? newKeyFile, string? newKeyVariable)
    {
        if ((newKeyFile is null) == string.IsNullOrEmpty(newKeyVariable))
        {
            return CommandErrors.Fail("give the new master key with either --new-key-file FILE or --new-key-env VARIABLE.");
        }

        try
        {
            // The new key first: a mistyped path or variable is the likeliest error and needs no database to report.
            var next = newKeyFile is not null
                ? MasterKeyLoader.FromFile(newKeyFile.FullName, "--new-key-file")
                : MasterKeyLoader.FromEnvironment(newKeyVariable!, "--new-key-env");
            var settings = KeyringConfiguration.Read(configFile);
            var database = settings.Database();
            if (!File.Exists(database.FilePath))
            {
                return CommandErrors.Fail($"there is no gateway database at '{database.FilePath}' (check DataDirectory); nothing to rotate.");
            }

            var current = settings.ExistingMasterKeys();
            if (current is null)
            {
                return CommandErrors.Fail("no master key is configured (Encryption:MasterKeyFile, Encryption:MasterKeyEnvironmentVariable, Vault:Key, Vault:KeyFile) and the data directory has no vault.key.");
            }

            var count = MasterKeyRotation.Rotate(database, current, next, settings.LegacyVaultKey, TimeProvider.System);

            Console.WriteLine($"Re-wrapped {count} data keys in '{database.FilePath}' with the new master key {next.KeyId} (was {current.Current.KeyId}).");
            Console.WriteLine(newKeyFile is not null
                ? $"Before the next restart, set Encryption:MasterKeyFile to '{newKeyFile.FullName}'."
                : $"Before the next restart, set Encryption:MasterKeyEnvironmentVariable to {newKeyVariable} (and that variable in the gateway's environment).");
            Console.WriteLine("A running gateway keeps serving with the data keys it holds; started with the old master key, a gateway now refuses to start.");
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is EncryptionKeyException or PseudonymVaultException)
        {
            return CommandErrors.Fail("encryption at rest: " + exception.Message);
        }
        catch (SqliteException exception)
        {
            return CommandErrors.Fail("the gateway database could not be used: " + exception.Message);
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or InvalidOperationException or FormatException)
        {
            return CommandErrors.Fail("invalid configuration: " + exception.Message);
        }
        finally
        {
            // Pooled connections would otherwise keep the database files open until the process ends.
            SqliteConnection.ClearAllPools();
        }
    }
}
