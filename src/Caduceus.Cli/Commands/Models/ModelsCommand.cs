using System.CommandLine;

namespace Caduceus.Cli.Commands.Models;

/// <summary>
/// <c>caduceus models</c>: the model inventory, acting directly on the gateway's database (found the way <c>serve</c>
/// finds it; a running gateway sees each change within a second), and the signed manifest of model files.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "Keep the model inventory (which models each application may use) and sign and verify the model files' manifest.");
        command.Subcommands.Add(ModelsListCommand.Create());
        command.Subcommands.Add(ModelsAddCommand.Create());
        command.Subcommands.Add(ModelsUpdateCommand.Create());
        command.Subcommands.Add(ModelsRemoveCommand.Create());
        command.Subcommands.Add(ModelsVerifyCommand.Create());
        command.Subcommands.Add(ModelsSignCommand.Create());
        command.Subcommands.Add(ModelsKeygenCommand.Create());
        return command;
    }
}
