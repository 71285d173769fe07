using System.Globalization;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Audit.Search;
using Spectre.Console;

namespace Caduceus.Cli.Commands.Audit;

/// <summary>How <c>audit search</c> prints records: the canonical JSON per line, or a table for people.</summary>
internal static class AuditSearchOutput
{
    public static void Json(IEnumerable<AuditMatch> matches)
    {
        using var stdout = Console.OpenStandardOutput();
        foreach (var match in matches)
        {
            stdout.Write(match.Stored.CanonicalJson);
            stdout.Write("\n"u8);
        }
    }

    public static void Table(IReadOnlyList<AuditMatch> matches, int? limit)
    {
        var table = new Table().AddColumns("Seq", "Time (UTC)", "Kind", "Request", "Status", "Decision", "Code", "Identity", "App", "Model", "Findings", "Events");
        foreach (var (stored, record) in matches)
        {
            table.AddRow(
                stored.Sequence.ToString(CultureInfo.InvariantCulture),
                record.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                Markup.Escape(record.Kind),
                Markup.Escape(record.Method + " " + record.Route),
                record.Status.ToString(CultureInfo.InvariantCulture),
                DecisionMarkup(record.Decision),
                Markup.Escape(record.Code ?? string.Empty),
                Markup.Escape(record.KeyId ?? "-"),
                Markup.Escape(record.Application ?? "-"),
                Markup.Escape(record.Model ?? "-"),
                Markup.Escape(string.Join(' ', record.Findings.Select(f => $"{f.Type}x{f.Count}"))),
                Markup.Escape(string.Join(' ', record.EventIds)));
        }

        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal; let the table keep its natural width in files and pipes.
            AnsiConsole.Profile.Width = 240;
        }

        AnsiConsole.Write(table);
        if (matches.Count == limit)
        {
            Console.WriteLine($"Showing the first {limit} matches; --limit shows more.");
        }
    }

    private static string DecisionMarkup(string decision) => decision switch
    {
        AuditDecisions.Allowed => "[green]allowed[/]",
        AuditDecisions.Redacted or AuditDecisions.Contained => $"[yellow]{decision}[/]",
        AuditDecisions.Blocked or AuditDecisions.Refused or AuditDecisions.Failed => $"[red]{decision}[/]",
        _ => Markup.Escape(decision),
    };
}
