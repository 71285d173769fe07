using System.CommandLine;
using Caduceus.Gateway.Models;

namespace Caduceus.Cli.Commands.Models;

/// <summary><c>caduceus models update --app A --model M [--owner O] [--use T] [--phi-allowed B] [--risk-tier T] [--last-reviewed D] [--version V] [--default B]</c>.</summary>
internal static class ModelsUpdateCommand
{
    public static Command Create()
    {
        var o = new ModelOptions();
        var isDefault = new Option<string?>("--default") { Description = "true or false: is it the model requests without \"model\" go to?" };
        var command = new Command("update", "Change an inventory entry's fields (those given); a running gateway applies it within a second.")
        {
            o.App, o.Model, o.Version, o.Owner, o.Use, o.PhiAllowed, o.RiskTier, o.LastReviewed, isDefault, o.Json,
        };
        command.SetAction((parse, cancellationToken) => ModelInventorySession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            if (!ModelOptions.TryParseBool(parse.GetValue(o.PhiAllowed), "--phi-allowed", out var phi, out var invalid)
                || !ModelOptions.TryParseBool(parse.GetValue(isDefault), "--default", out var makeDefault, out invalid))
            {
                return CommandErrors.Fail(invalid!);
            }

            if (!ModelEntryInput.TryApplication(session.Options, parse.GetValue(o.App), out var application, out var error)
                || !ModelEntryInput.TryModelName(parse.GetValue(o.Model), out var model, out error)
                || !ModelEntryInput.TryChange(
                    parse.GetValue(o.Version), parse.GetValue(o.Owner), parse.GetValue(o.Use), phi, parse.GetValue(o.RiskTier), parse.GetValue(o.LastReviewed),
                    makeDefault, ModelInventorySession.Today, out var change, out error))
            {
                return CommandErrors.Fail(error);
            }

            var result = await session.Inventory.UpdateAsync(application, model, change, cancellationToken);
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
                Console.WriteLine($"Updated model '{model}' of application '{application}'; a running gateway applies it within a second.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
