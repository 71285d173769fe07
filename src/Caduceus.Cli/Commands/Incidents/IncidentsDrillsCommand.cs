using System.CommandLine;
using System.Text.Json;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
using Spectre.Console;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary>
/// <c>caduceus incidents drills start|list|end</c>: declare a caller's traffic a drill for a while, so the incidents it
/// opens are marked as drills and their playbook actions simulated.
/// </summary>
internal static class IncidentsDrillsCommand
{
    public static Command Create()
    {
        var command = new Command("drills", "Declare, list and end red-team drills (their incidents are marked and not contained automatically).");
        command.Subcommands.Add(Start());
        command.Subcommands.Add(List());
        command.Subcommands.Add(End());
        return command;
    }

    private static Command Start()
    {
        var principal = new Option<string>("--principal") { Description = "The key id (or identity) whose traffic is the drill.", Required = true };
        var label = new Option<string>("--label") { Description = "What the drill is, for people.", DefaultValueFactory = _ => "red-team drill" };
        var duration = new Option<string>("--for") { Description = $"How long it runs ({DurationText.Format}; at most 24h).", DefaultValueFactory = _ => "1h" };
        var command = new Command("start", "Start a drill for one caller.") { principal, label, duration };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            if (!DurationText.TryParse(parse.GetValue(duration), out var span, out var error) || span > DrillRegistry.MaxDuration)
            {
                return CommandErrors.Fail("--for: " + (error ?? "a drill runs for at most 24h"));
            }

            var (who, what) = (parse.GetValue(principal)!.Trim(), parse.GetValue(label)!.Trim());
            if (who.Length is 0 or > 200 || what.Length is 0 or > 200)
            {
                return CommandErrors.Fail("--principal and --label must be 1 to 200 characters");
            }

            await using var response = IncidentsCommand.OpenResponse(session);
            var drill = await response.DrillRegistry.StartAsync(who, what, span, IncidentsCommand.Actor, cancellationToken);
            Console.WriteLine($"Drill {drill.Id} for {drill.Principal} runs until {KeyOutput.Time(drill.EndsAt)} UTC.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List()
    {
        var all = new Option<bool>("--all") { Description = "Include ended drills." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of drills." };
        var command = new Command("list", "List running drills (all with --all).") { all, json };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            await using var response = IncidentsCommand.OpenResponse(session);
            var drills = await response.Drills.ListAsync(parse.GetValue(all), KeyStoreSession.Clock.GetUtcNow(), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(drills, IncidentJsonContext.Default.IReadOnlyListDrill));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Id", "Principal", "Label", "Started (UTC)", "Ends (UTC)", "Ended (UTC)");
            foreach (var drill in drills)
            {
                table.AddRow(
                    Markup.Escape(drill.Id),
                    Markup.Escape(drill.Principal),
                    Markup.Escape(drill.Label),
                    KeyOutput.Time(drill.StartedAt),
                    KeyOutput.Time(drill.EndsAt),
                    drill.EndedAt is { } ended ? KeyOutput.Time(ended) : "-");
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command End()
    {
        var id = new Argument<string>("drill-id") { Description = "The drill's id (drl_...)." };
        var command = new Command("end", "End a running drill now.") { id };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var drillId = parse.GetValue(id)!;
            await using var response = IncidentsCommand.OpenResponse(session);
            if (!await response.DrillRegistry.EndAsync(drillId, IncidentsCommand.Actor, cancellationToken))
            {
                return CommandErrors.Fail($"there is no running drill with id '{drillId}'");
            }

            Console.WriteLine($"Ended drill {drillId}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
