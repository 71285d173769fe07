using System.CommandLine;
using Caduceus.Cli.Commands.Keys;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Cli.Commands.Incidents;

/// <summary><c>caduceus incidents report ID [--format markdown|html] [--out FILE]</c>: the post-incident report in Markdown or HTML.</summary>
internal static class IncidentsReportCommand
{
    public static Command Create()
    {
        var id = IncidentsCommand.IdArgument();
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file instead of standard output." };
        var format = new Option<string>("--format") { Description = "markdown (default) or html (one self-contained page).", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "html");
        var command = new Command("report", "Write the post-incident report (Markdown or HTML): timeline, scope, actions, breach assessment and clock, root cause and lessons.") { id, output, format };
        command.SetAction((parse, cancellationToken) => KeyStoreSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var incidentId = parse.GetValue(id)!;
            await using var response = IncidentsCommand.OpenResponse(session);
            var incident = await response.Incidents.GetAsync(incidentId, cancellationToken);
            if (incident is null)
            {
                return CommandErrors.Fail(IncidentsCommand.NotFound(incidentId));
            }

            var now = KeyStoreSession.Clock.GetUtcNow();
            var report = parse.GetValue(format) == "html" ? IncidentReport.ToHtml(incident, now) : IncidentReport.ToMarkdown(incident, now);
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
