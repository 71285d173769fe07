using System.CommandLine;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Vault;
using Caduceus.Gateway.WebConsole.Accounts;

namespace Caduceus.Cli.Commands.ConsoleUsers;

/// <summary>
/// <c>caduceus console-users add --name NAME --role ROLE [--password-stdin]</c>. The password comes from standard
/// input or <c>CADUCEUS_CONSOLE_PASSWORD</c>, never the command line (which other users can see). Prints the TOTP
/// enrollment URI once.
/// </summary>
internal static class ConsoleUsersAddCommand
{
    public const string PasswordVariable = "CADUCEUS_CONSOLE_PASSWORD";

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The sign-in name (letters, digits, '.', '_', '-').", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"The console role: {string.Join(", ", ConsoleRoles.All)}. Repeat or comma-separate for several.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = $"Read the password from the first line of standard input (else from {PasswordVariable})." };
        var command = new Command("add", "Create a console account; prints its otpauth:// URI once for an authenticator app.") { name, roles, passwordStdin };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var password = parse.GetValue(passwordStdin) ? Console.In.ReadLine() : Environment.GetEnvironmentVariable(PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                return CommandErrors.Fail($"no password: pass --password-stdin and write it to standard input, or set {PasswordVariable}.");
            }

            DataKeyring keyring;
            try
            {
                var settings = KeyringConfiguration.Read(parse.GetValue(CaduceusCommand.ConfigOption));
                var masterKeys = MasterKeyLoader.WithPrevious(MasterKeyLoader.Load(settings.Encryption, settings.Vault, settings.DataDirectory), settings.Encryption);
                // The seed must be sealed under the keyring the gateway instances use: the shared one on State:Store = postgres.
                keyring = session.SharedState is { } shared
                    ? PostgresDataKeyringLoader.Open(shared, masterKeys, KeyStoreSession.Clock)
                    : DataKeyringLoader.Open(session.Database, masterKeys, settings.LegacyVaultKey, KeyStoreSession.Clock);
            }
            catch (Exception exception) when (exception is EncryptionKeyException or PseudonymVaultException)
            {
                return CommandErrors.Fail("encryption at rest: " + exception.Message);
            }

            var (account, uri, error) = await ConsoleAccountEnrollment.AddAsync(
                session.ConsoleAccounts, keyring, parse.GetValue(name), parse.GetValue(roles) ?? [], password, KeyStoreSession.Clock.GetUtcNow(), cancellationToken);
            if (account is null)
            {
                return CommandErrors.Fail(error!);
            }

            Console.WriteLine($"Created console account '{account.Name}' ({account.Id}) with roles {string.Join(", ", account.Roles)}.");
            Console.WriteLine("Add this to the person's authenticator app now; it is shown once and holds their TOTP seed:");
            Console.WriteLine(uri);
            return ExitCodes.Success;
        }));
        return command;
    }
}
