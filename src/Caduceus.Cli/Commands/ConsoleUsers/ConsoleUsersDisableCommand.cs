using System.CommandLine;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.WebConsole.Accounts;

namespace Caduceus.Cli.Commands.ConsoleUsers;

/// <summary><c>caduceus console-users disable NAME</c>: the account's sessions stop at their next request.</summary>
internal static class ConsoleUsersDisableCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The account's sign-in name." };
        var command = new Command("disable", "Disable a console account; its open sessions stop working at once.") { name };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var accountName = (parse.GetValue(name) ?? string.Empty).Trim().ToLowerInvariant();
            if (!await session.ConsoleAccounts.DisableAsync(accountName, KeyStoreSession.Clock.GetUtcNow(), cancellationToken))
            {
                return CommandErrors.Fail($"there is no active console account named '{accountName}'.");
            }

            Console.WriteLine($"Disabled console account '{accountName}'.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
