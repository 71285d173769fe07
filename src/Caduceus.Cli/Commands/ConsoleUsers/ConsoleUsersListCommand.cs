using System.CommandLine;
using System.Globalization;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.WebConsole.Accounts;

namespace Caduceus.Cli.Commands.ConsoleUsers;

/// <summary><c>caduceus console-users list</c>: name, id, roles and state; never a password hash or seed.</summary>
internal static class ConsoleUsersListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List console accounts (never a password or seed).");
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var accounts = await session.ConsoleAccounts.ListAsync(cancellationToken);
            if (accounts.Count == 0)
            {
                Console.WriteLine("No console accounts.");
            }

            foreach (var account in accounts)
            {
                var state = account.DisabledAt is { } disabled ? "disabled " + disabled.ToString("u", CultureInfo.InvariantCulture) : "active";
                Console.WriteLine($"{account.Name}\t{account.Id}\t{string.Join(",", account.Roles)}\t{state}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
