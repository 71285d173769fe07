using System.CommandLine;

namespace Caduceus.Cli.Commands.Models;

/// <summary><c>caduceus models list [--json]</c>.</summary>
internal static class ModelsListCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print {\"models\": [...]} as one JSON line." };
        var command = new Command("list", "List the model inventory: application, model, owner, use, PHI, risk tier, last review.") { json };
        command.SetAction((parse, cancellationToken) => ModelInventorySession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var entries = await session.Inventory.ListAsync(cancellationToken);
            var period = session.Options.Models.ReviewPeriod;
            if (parse.GetValue(json))
            {
                ModelOutput.Json(entries, period);
            }
            else if (entries.Count == 0)
            {
                Console.WriteLine("The inventory is empty: every request is refused. Add a model with 'caduceus models add'.");
            }
            else
            {
                ModelOutput.Table(entries, period);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
