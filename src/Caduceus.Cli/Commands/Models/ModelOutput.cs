using System.Text.Json;
using Caduceus.Gateway.Models;
using Spectre.Console;

namespace Caduceus.Cli.Commands.Models;

/// <summary>How the <c>models</c> verbs print entries: one JSON line with <c>--json</c>, a table for people otherwise.</summary>
internal static class ModelOutput
{
    public static void Json(ModelEntry entry, TimeSpan reviewPeriod) =>
        Console.WriteLine(JsonSerializer.Serialize(ModelEntryView.From(entry, ModelInventorySession.Today, reviewPeriod), ModelJsonContext.Default.ModelEntryView));

    public static void Json(IEnumerable<ModelEntry> entries, TimeSpan reviewPeriod) =>
        Console.WriteLine(JsonSerializer.Serialize(
            new ModelListView(entries.Select(e => ModelEntryView.From(e, ModelInventorySession.Today, reviewPeriod)).ToArray()),
            ModelJsonContext.Default.ModelListView));

    public static void Table(IReadOnlyList<ModelEntry> entries, TimeSpan reviewPeriod)
    {
        var table = new Table().AddColumns("Application", "Model", "Version", "Owner", "Intended use", "PHI", "Risk", "Last reviewed", "Default");
        foreach (var view in entries.Select(e => ModelEntryView.From(e, ModelInventorySession.Today, reviewPeriod)))
        {
            table.AddRow(
                Markup.Escape(view.Application),
                Markup.Escape(view.Model),
                Markup.Escape(view.Version ?? string.Empty),
                Markup.Escape(view.Owner),
                Markup.Escape(view.IntendedUse),
                view.PhiAllowed ? "allowed" : "[yellow]refused[/]",
                Markup.Escape(view.RiskTier),
                view.ReviewOverdue ? $"[red]{view.LastReviewed} (overdue)[/]" : view.LastReviewed,
                view.Default ? "yes" : string.Empty);
        }

        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal; let the table keep its natural width in files and pipes.
            AnsiConsole.Profile.Width = 240;
        }

        AnsiConsole.Write(table);
    }
}
