using System.CommandLine;
using System.Globalization;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary>
/// <c>caduceus incidents notify ID --note TEXT [--at TIME]</c>: stops a possible breach's notification clock by recording
/// that notice was given, or why none is due after the risk assessment (audited).
/// </summary>
internal static class IncidentsNotifyCommand
{
    public static Command Create()
    {
        var id = IncidentsCommand.IdArgument();
        var note = new Option<string>("--note") { Description = "To whom notice went, or why none is due (no PHI).", Required = true };
        var at = new Option<string?>("--at") { Description = "When notice was given (ISO 8601, UTC if no offset); default now." };
        var command = new Command("notify", "Record the breach notification of a possible breach (stops its 60-day clock).") { id, note, at };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var incidentId = parse.GetValue(id)!;
            var text = parse.GetValue(note)!.Trim();
            if (text.Length is 0 or > 500)
            {
                return CommandErrors.Fail("--note must be 1 to 500 characters");
            }

            var now = KeyStoreSession.Clock.GetUtcNow();
            var notifiedAt = now;
            if (parse.GetValue(at) is { } atText
                && !DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out notifiedAt))
            {
                return CommandErrors.Fail($"--at '{atText}' is not a date and time (use ISO 8601, e.g. 2026-11-29T10:00Z)");
            }

            if (notifiedAt > now + TimeSpan.FromMinutes(5))
            {
                return CommandErrors.Fail("--at must not be in the future");
            }

            await using var response = IncidentsCommand.OpenResponse(session);
            if (await response.Incidents.GetAsync(incidentId, cancellationToken) is not { } incident)
            {
                return CommandErrors.Fail(IncidentsCommand.NotFound(incidentId));
            }

            if (!incident.IsBreachCandidate)
            {
                return CommandErrors.Fail($"incident '{incidentId}' is not a possible breach; it has no notification clock");
            }

            await response.Responder.RecordNotificationAsync(incident, notifiedAt, text, IncidentsCommand.Actor, cancellationToken);
            Console.WriteLine($"Recorded the notification of {incidentId}; its clock has stopped.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
