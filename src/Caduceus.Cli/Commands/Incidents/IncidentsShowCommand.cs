using System.CommandLine;
using System.Text.Json;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary><c>caduceus incidents show ID [--json]</c>: one incident with its evidence and actions.</summary>
internal static class IncidentsShowCommand
{
    public static Command Create()
    {
        var id = IncidentsCommand.IdArgument();
        var json = new Option<bool>("--json") { Description = "Print the incident as one JSON object." };
        var command = new Command("show", "Show one incident: its events (evidence) and the actions taken.") { id, json };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var incidentId = parse.GetValue(id)!;
            await using var response = IncidentsCommand.OpenResponse(session);
            var incident = await response.Incidents.GetAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                return CommandErrors.Fail(IncidentsCommand.NotFound(incidentId));
            }

            Console.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(incident, IncidentJsonContext.Default.Incident) + Environment.NewLine
                : IncidentReport.ToMarkdown(incident, KeyStoreSession.Clock.GetUtcNow()));
            return ExitCodes.Success;
        }));
        return command;
    }
}
