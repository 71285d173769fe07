using System.CommandLine;
using System.Text.Json;
using Caduceus.Gateway.Training;

namespace Caduceus.Cli.Commands.Training;

/// <summary><c>caduceus training report [--json] [--as-of DATE]</c>: who is overdue, and whose training expires within <c>Training:ExpiringWithin</c>.</summary>
internal static class TrainingReportCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON line." };
        var asOf = new Option<string?>("--as-of") { Description = "Report as on this day, yyyy-MM-dd (default today)." };
        var command = new Command("report", "List who is overdue on required training, and whose training expires soon.") { json, asOf };
        command.SetAction((parse, cancellationToken) => TrainingSession.RunAsync(parse.GetValue(CaduceusCommand.ConfigOption), async session =>
        {
            var day = TrainingSession.Today;
            if (parse.GetValue(asOf) is { } text && !TrainingInput.TryDate(text, "--as-of", out day, out var error))
            {
                return CommandErrors.Fail(error);
            }

            var report = await session.Register.Records.ReportAsync(day, cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(TrainingReportView.From(report), TrainingJsonContext.Default.TrainingReportView));
            }
            else
            {
                TrainingOutput.Report(report);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
