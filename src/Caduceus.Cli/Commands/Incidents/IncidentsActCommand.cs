using System.CommandLine;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary>
/// <c>caduceus incidents act ID --action A</c>: a person's containment order, recorded on the incident with the
/// operator's user name. (The admin API does the same with step-up MFA and also writes the audit trail.)
/// </summary>
internal static class IncidentsActCommand
{
    public static Command Create()
    {
        var id = IncidentsCommand.IdArgument();
        var action = new Option<string>("--action") { Description = $"The containment action: {string.Join(", ", ContainmentActionNames.All)}.", Required = true };
        action.AcceptOnlyFromAmong([.. ContainmentActionNames.All]);
        var command = new Command("act", "Order a containment action on an incident (e.g. revoke the key behind it).") { id, action };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var incidentId = parse.GetValue(id)!;
            var containment = new OfflineContainment(session.Database, session.Store, session.Options.Incidents, KeyStoreSession.Clock);
            var incident = await containment.Incidents.GetAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                return CommandErrors.Fail(IncidentsCommand.NotFound(incidentId));
            }

            if (incident.Status == IncidentStatus.Closed)
            {
                return CommandErrors.Fail($"incident '{incidentId}' is closed");
            }

            var act = containment.Action(parse.GetValue(action)!);
            var outcome = await act.ExecuteAsync(incident, cancellationToken);
            var record = new IncidentActionRecord(KeyStoreSession.Clock.GetUtcNow(), act.Name, outcome.Target, "cli:" + Environment.UserName, outcome.Description);
            await containment.Incidents.AddActionAsync(incident.Id, record, outcome.TookEffect ? IncidentStatus.Contained : incident.Status, cancellationToken);
            Console.WriteLine($"{act.Name} on {outcome.Target}: {outcome.Description}.");
            return outcome.TookEffect ? ExitCodes.Success : ExitCodes.FindingsFailed;
        }));
        return command;
    }
}
