using System.CommandLine;
using Caduceus.Gateway.Models;

namespace Caduceus.Cli.Commands.Models;

/// <summary>
/// <c>caduceus models add --app A --model M --owner O --use TEXT --phi-allowed true|false --risk-tier T
/// --last-reviewed DATE [--version V] [--default] [--json]</c>.
/// </summary>
internal static class ModelsAddCommand
{
    public static Command Create()
    {
        var o = new ModelOptions();
        var isDefault = new Option<bool>("--default") { Description = "Make it the model requests without \"model\" go to (one per application)." };
        var command = new Command("add", "Add a model to an application's inventory; a running gateway accepts it within a second.")
        {
            o.App, o.Model, o.Version, o.Owner, o.Use, o.PhiAllowed, o.RiskTier, o.LastReviewed, isDefault, o.Json,
        };
        command.SetAction((parse, cancellationToken) => ModelInventorySession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            if (!ModelOptions.TryParseBool(parse.GetValue(o.PhiAllowed), "--phi-allowed", out var phi, out var invalid))
            {
                return CommandErrors.Fail(invalid!);
            }

            if (!ModelEntryInput.TryCreate(
                session.Options, parse.GetValue(o.App), parse.GetValue(o.Model), parse.GetValue(o.Version), parse.GetValue(o.Owner), parse.GetValue(o.Use),
                phi, parse.GetValue(o.RiskTier), parse.GetValue(o.LastReviewed), parse.GetValue(isDefault), ModelInventorySession.Today, out var entry, out var error))
            {
                return CommandErrors.Fail(error);
            }

            var result = await session.Inventory.AddAsync(entry, cancellationToken);
            if (result.Outcome != ModelInventoryOutcome.Done)
            {
                return CommandErrors.Fail(result.Problem!);
            }

            if (parse.GetValue(o.Json))
            {
                ModelOutput.Json(result.Entry!, session.Options.Models.ReviewPeriod);
            }
            else
            {
                Console.WriteLine($"Added model '{entry.Model}' to application '{entry.Application}' (PHI {(entry.PhiAllowed ? "allowed" : "refused")}, risk {entry.RiskTier}); a running gateway accepts it within a second.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
