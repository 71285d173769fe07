using System.CommandLine;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary><c>caduceus incidents close ID</c>: later events about the same subject open a new incident.</summary>
internal static class IncidentsCloseCommand
{
    public static Command Create()
    {
        var id = IncidentsCommand.IdArgument();
        var command = new Command("close", "Close an incident; later events about its subject open a new one.") { id };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var incidentId = parse.GetValue(id)!;
            await using var response = IncidentsCommand.OpenResponse(session);
            var store = response.Incidents;
            if (await store.GetAsync(incidentId, cancellationToken) is null)
            {
                return CommandErrors.Fail(IncidentsCommand.NotFound(incidentId));
            }

            if (!await store.CloseAsync(incidentId, KeyStoreSession.Clock.GetUtcNow(), cancellationToken))
            {
                return CommandErrors.Fail($"incident '{incidentId}' is already closed");
            }

            Console.WriteLine($"Closed incident {incidentId}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
