using System.CommandLine;

namespace Caduceus.Cli.Commands.Keys;

/// <summary>
/// <c>caduceus keys</c>: the client API key lifecycle, acting directly on the gateway's database (found the way
/// <c>serve</c> finds it). A running gateway sees every change within a second.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create, list, rotate, revoke and review client API keys in the gateway's database, and rotate the master key of encryption at rest.");
        command.Subcommands.Add(KeysCreateCommand.Create());
        command.Subcommands.Add(KeysListCommand.Create());
        command.Subcommands.Add(KeysRotateCommand.Create());
        command.Subcommands.Add(KeysRevokeCommand.Create());
        command.Subcommands.Add(KeysUnusedCommand.Create());
        command.Subcommands.Add(KeysRotateMasterCommand.Create());
        return command;
    }
}
