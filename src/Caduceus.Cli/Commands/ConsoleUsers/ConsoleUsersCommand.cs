using System.CommandLine;

namespace Caduceus.Cli.Commands.ConsoleUsers;

/// <summary>
/// <c>caduceus console-users</c>: the people who may sign in to the web console, acting directly on the gateway's
/// database (found the way <c>serve</c> finds it).
/// </summary>
internal static class ConsoleUsersCommand
{
    public static Command Create()
    {
        var command = new Command("console-users", "Add, list and disable web console accounts (password + TOTP) in the gateway's database.");
        command.Subcommands.Add(ConsoleUsersAddCommand.Create());
        command.Subcommands.Add(ConsoleUsersListCommand.Create());
        command.Subcommands.Add(ConsoleUsersDisableCommand.Create());
        return command;
    }
}
