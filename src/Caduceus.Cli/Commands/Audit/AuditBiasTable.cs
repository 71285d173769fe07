using System.Globalization;
using Caduceus.Evaluation.Bias;
using Spectre.Console;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>Prints a bias report: one table per dimension, groups as rows and metrics as columns, with each test's p-values.</summary>
internal static class AuditBiasTable
{
    public static void Print(BiasAuditReport report)
    {
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal; let the tables keep their natural width in files and pipes.
            AnsiConsole.Profile.Width = 200;
        }

        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Bias audit of the {report.Mode}: {report.Templates} templates, {report.Texts} texts; {report.TestedComparisons} comparisons tested, alpha {report.Alpha} after Holm's correction.")));
        foreach (var dimension in report.Dimensions)
        {
            var comparisons = report.Comparisons.Where(c => c.Dimension == dimension).ToList();
            var table = new Table().Title(Markup.Escape(dimension)).AddColumn("Group").AddColumn(new TableColumn("Texts").RightAligned());
            foreach (var comparison in comparisons)
            {
                table.AddColumn(new TableColumn(Markup.Escape(comparison.Metric.Heading)).RightAligned());
            }

            foreach (var group in comparisons[0].Groups)
            {
                var cells = comparisons.Select(c => c.Groups.FirstOrDefault(g => g.Group == group.Group) is { } summary ? Figure(c.Metric, summary.Value) : "-");
                table.AddRow([Markup.Escape(group.Group), group.Count.ToString(CultureInfo.InvariantCulture), .. cells]);
            }

            table.AddRow(["[grey]test[/]", "", .. comparisons.Select(c => c.Tested ? c.Test.Name : "[grey]no variation[/]")]);
            table.AddRow(["[grey]p[/]", "", .. comparisons.Select(c => c.Tested ? P(c.Test.PValue) : "-")]);
            table.AddRow(["[grey]p (Holm)[/]", "", .. comparisons.Select(c => !c.Tested ? "-" : c.Significant ? $"[red]{P(c.AdjustedPValue)} differs[/]" : P(c.AdjustedPValue))]);
            AnsiConsole.Write(table);
            var refused = comparisons.FirstOrDefault(c => c.Metric == BiasMetric.Refusal)?.Groups.Where(g => g.RefusalReasons.Count > 0).ToList() ?? [];
            if (refused.Count > 0)
            {
                AnsiConsole.MarkupLine(Markup.Escape("Refused for: " + string.Join("; ", refused.Select(g =>
                    $"{g.Group} {string.Join(", ", g.RefusalReasons.Select(r => $"{r.Key} {r.Value}"))}"))));
            }
        }

        var significant = report.Significant;
        AnsiConsole.MarkupLine(significant.Count == 0
            ? "[green]No difference between groups is significant.[/]"
            : Markup.Escape($"Significant differences: {string.Join(", ", significant.Select(c => $"{c.Dimension} {c.Metric.Name}"))}."));
    }

    private static string Figure(BiasMetric metric, double value) =>
        metric.IsShare ? value.ToString("0.0%", CultureInfo.InvariantCulture) : value.ToString(metric == BiasMetric.AnswerLength ? "0.0" : "0.000", CultureInfo.InvariantCulture);

    private static string P(double p) => p < 0.0001 ? p.ToString("0.0e0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);
}
