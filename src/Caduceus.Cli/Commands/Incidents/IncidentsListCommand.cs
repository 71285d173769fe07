using System.CommandLine;
using System.Text.Json;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;
using Spectre.Console;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary><c>caduceus incidents list [--all] [--json]</c>: open incidents, newest first; <c>--json</c> prints a JSON array.</summary>
internal static class IncidentsListCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all") { Description = "Include closed incidents." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of incidents, for scripts." };
        var command = new Command("list", "List incidents, newest first (open ones unless --all).") { all, json };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            await using var response = IncidentsCommand.OpenResponse(session);
            var incidents = await response.Incidents.ListAsync(parse.GetValue(all), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(incidents, IncidentJsonContext.Default.IReadOnlyListIncident));
                return ExitCodes.Success;
            }

            if (incidents.Count == 0)
            {
                Console.WriteLine("No incidents.");
                return ExitCodes.Success;
            }

            var now = KeyStoreSession.Clock.GetUtcNow();
            var table = new Table().AddColumns("Id", "Opened (UTC)", "Playbook", "Severity", "Status", "Subject", "Application", "Breach clock");
            foreach (var incident in incidents)
            {
                table.AddRow(
                    Markup.Escape(incident.Id) + (incident.Drill ? " [grey](drill)[/]" : ""),
                    KeyOutput.Time(incident.OpenedAt),
                    Markup.Escape(incident.Playbook),
                    incident.Severity.ToString(),
                    incident.Status.ToString(),
                    Markup.Escape(incident.Subject),
                    Markup.Escape(incident.Application ?? "-"),
                    ClockCell(incident, now));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string ClockCell(Incident incident, DateTimeOffset now) => BreachClock.StateOf(incident, now) switch
    {
        BreachClockState.NotApplicable => "-",
        BreachClockState.Stopped => "notified",
        BreachClockState.Overdue => "[red]OVERDUE[/]",
        BreachClockState.DueSoon => $"[yellow]due {KeyOutput.Time(BreachClock.DueAt(incident))}[/]",
        _ => $"due {KeyOutput.Time(BreachClock.DueAt(incident))}",
    };
}
