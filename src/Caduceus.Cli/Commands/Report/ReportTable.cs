using Caduceus.Gateway.Compliance;
using Spectre.Console;

namespace Caduceus.Cli.Commands.Report;

/// <summary>The report as a table on standard output, with a one-line summary and where the files went.</summary>
internal static class ReportTable
{
    public static void Print(ComplianceReport report, ReportFiles files)
    {
        var table = new Table().Title(Markup.Escape(report.Framework.Title)).AddColumns("Control", "Status", "Reason");
        foreach (var control in report.Controls)
        {
            table.AddRow(
                new Markup(Markup.Escape($"{control.Id} {control.Title}")),
                new Markup(Badge(control.Status)),
                new Markup(Markup.Escape(control.Reason)));
        }

        AnsiConsole.Write(table);
        Console.WriteLine(
            $"{report.Controls.Count} controls: {report.Count(ControlStatus.Pass)} pass, {report.Count(ControlStatus.Gap)} gap, {report.Count(ControlStatus.NotApplicable)} not applicable.");
        foreach (var file in new[] { files.Html, files.Json }.OfType<FileInfo>())
        {
            Console.WriteLine($"Written to {file.FullName}.");
        }
    }

    private static string Badge(ControlStatus status) => status switch
    {
        ControlStatus.Pass => "[green]pass[/]",
        ControlStatus.Gap => "[red]gap[/]",
        _ => "[grey]not applicable[/]",
    };
}
