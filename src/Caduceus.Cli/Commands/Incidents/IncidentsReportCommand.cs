using System.CommandLine;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary><c>caduceus incidents report ID [--out FILE]</c>: the post-incident report in Markdown.</summary>
internal static class IncidentsReportCommand
{
    public static Command Create()
    {
        var id = IncidentsCommand.IdArgument();
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file instead of standard output." };
        var command = new Command("report", "Write the post-incident report (Markdown): timeline, scope, actions, root cause and lessons.") { id, output };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var incidentId = parse.GetValue(id)!;
            var incident = await new SqliteIncidentStore(session.Database).GetAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                return CommandErrors.Fail(IncidentsCommand.NotFound(incidentId));
            }

            var report = IncidentReport.ToMarkdown(incident);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, report, cancellationToken);
                Console.WriteLine($"Report of {incident.Id} written to {file.FullName}.");
            }
            else
            {
                Console.Write(report);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
