using System.CommandLine;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary>
/// <c>caduceus incidents act ID --action A [--tool T | --address IP]</c>: a person's containment order, carried out by
/// the gateway's own responder, so it is recorded on the incident and in the audit trail with the operator's name.
/// </summary>
internal static class IncidentsActCommand
{
    public static Command Create()
    {
        var id = IncidentsCommand.IdArgument();
        var action = new Option<string>("--action") { Description = $"The containment action: {string.Join(", ", ContainmentActionNames.All)}.", Required = true };
        action.AcceptOnlyFromAmong([.. ContainmentActionNames.All]);
        var tool = new Option<string?>("--tool") { Description = "With disable_tools: the one tool to disable (default: all of the application's tools)." };
        var address = new Option<string?>("--address") { Description = "With block_address: the IP address to block (default: the incident's sources)." };
        var command = new Command("act", "Order a containment action on an incident (e.g. revoke the key behind it).") { id, action, tool, address };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var incidentId = parse.GetValue(id)!;
            var (toolName, addressText) = (parse.GetValue(tool), parse.GetValue(address));
            if (toolName is not null && addressText is not null)
            {
                return CommandErrors.Fail("give --tool or --address, not both");
            }

            var order = new ContainmentOrder(parse.GetValue(action)!, toolName ?? addressText);
            if (order.Problem() is { } problem || (toolName is not null && order.Action != ContainmentActionNames.DisableTools)
                || (addressText is not null && order.Action != ContainmentActionNames.BlockAddress))
            {
                return CommandErrors.Fail(order.Problem() ?? "--tool goes with disable_tools and --address with block_address");
            }

            await using var response = IncidentsCommand.OpenResponse(session);
            var incident = await response.Incidents.GetAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                return CommandErrors.Fail(IncidentsCommand.NotFound(incidentId));
            }

            if (incident.Status == IncidentStatus.Closed)
            {
                return CommandErrors.Fail($"incident '{incidentId}' is closed");
            }

            var (record, tookEffect) = await response.Responder.ActAsync(incident, order, IncidentsCommand.Actor, cancellationToken);
            Console.WriteLine($"{record.Action} on {record.Target}: {record.Outcome}.");
            return tookEffect ? ExitCodes.Success : ExitCodes.FindingsFailed;
        }));
        return command;
    }
}
