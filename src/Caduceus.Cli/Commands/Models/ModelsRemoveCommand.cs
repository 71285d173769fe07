using System.CommandLine;
using Caduceus.Gateway.Models;

namespace Caduceus.Cli.Commands.Models;

/// <summary><c>caduceus models remove --app A --model M</c>: requests to the model are refused within a second.</summary>
internal static class ModelsRemoveCommand
{
    public static Command Create()
    {
        var o = new ModelOptions();
        var command = new Command("remove", "Remove a model from an application's inventory; a running gateway refuses it within a second.") { o.App, o.Model };
        command.SetAction((parse, cancellationToken) => ModelInventorySession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            if (!ModelEntryInput.TryApplication(session.Options, parse.GetValue(o.App), out var application, out var error)
                || !ModelEntryInput.TryModelName(parse.GetValue(o.Model), out var model, out error))
            {
                return CommandErrors.Fail(error);
            }

            var result = await session.Inventory.RemoveAsync(application, model, cancellationToken);
            if (result.Outcome != ModelInventoryOutcome.Done)
            {
                return CommandErrors.Fail(result.Problem!);
            }

            Console.WriteLine($"Removed model '{model}' from application '{application}'; a running gateway refuses it within a second.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
