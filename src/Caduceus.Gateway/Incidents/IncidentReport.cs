using System.Globalization;
using System.Net;
using System.Text;
using Markdig;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The post-incident report in Markdown or as a self-contained HTML page: summary, timeline (evidence and actions in
/// time order), scope (the PHI types involved, by count, never values), the actions taken, the breach assessment and
/// clock where they apply, and the fields people complete afterwards.
/// </summary>
public static class IncidentReport
{
    // Raw HTML in the Markdown is escaped, not passed through: no text in a report can become markup.
    private static readonly MarkdownPipeline HtmlPipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    /// <summary>The same report as one HTML page with its style inline (no scripts, no external resources).</summary>
    public static string ToHtml(Incident incident, DateTimeOffset now)
    {
        var body = Markdown.ToHtml(ToMarkdown(incident, now), HtmlPipeline);
        var title = WebUtility.HtmlEncode($"Incident {incident.Id}");
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{{title}}</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
            table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
            th, td { border: 1px solid #8a8a8a; padding: .35rem .5rem; text-align: left; vertical-align: top; }
            th { background: #e8eef4; }
            h1 { border-bottom: 2px solid #2b5d8a; padding-bottom: .3rem; }
            </style>
            </head>
            <body>
            {{body}}
            </body>
            </html>
            """;
    }

    public static string ToMarkdown(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var markdown = new StringBuilder();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"# Incident {incident.Id}{(incident.Drill ? " (drill)" : "")}");
        markdown.AppendLine();
        markdown.AppendLine("| Field | Value |");
        markdown.AppendLine("| --- | --- |");
        Row(markdown, "Playbook", incident.Playbook);
        Row(markdown, "Severity", incident.Severity.ToString());
        Row(markdown, "Status", incident.Status.ToString());
        Row(markdown, "Categories", string.Join("; ", incident.Categories));
        Row(markdown, "Subject", incident.Subject);
        Row(markdown, "Application", incident.Application ?? "unknown");
        Row(markdown, "Opened (discovered)", Time(incident.OpenedAt));
        Row(markdown, "Closed", incident.ClosedAt is { } closed ? Time(closed) : "not yet");
        if (incident.Drill)
        {
            Row(markdown, "Drill", "yes: opened by a red-team drill; its playbook actions were simulated");
        }
        markdown.AppendLine();

        markdown.AppendLine("## Timeline");
        markdown.AppendLine();
        markdown.AppendLine("| Time (UTC) | What | Details |");
        markdown.AppendLine("| --- | --- | --- |");
        var timeline = incident.Events.Select(e => (e.Time, What: $"event {e.Type}", Details: EventDetails(e)))
            .Concat(incident.Actions.Select(a => (a.Time, What: $"action {a.Action}", Details: $"{a.Target}: {a.Outcome} (by {a.Actor})")))
            .Append((Time: incident.OpenedAt, What: "incident opened", Details: $"playbook {incident.Playbook}"))
            .OrderBy(entry => entry.Time);
        foreach (var (time, what, details) in timeline)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {Time(time)} | {Cell(what)} | {Cell(details)} |");
        }

        markdown.AppendLine();
        markdown.AppendLine("## Scope");
        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"{incident.Events.Count} security events. PHI types possibly involved (counts of findings; values are never recorded):");
        markdown.AppendLine();
        var phiTypes = incident.Events.SelectMany(e => e.EntityCounts).GroupBy(c => c.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        if (phiTypes.Length == 0)
        {
            markdown.AppendLine("- none");
        }

        foreach (var type in phiTypes)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"- {type.Key}: {type.Sum(c => c.Value)}");
        }

        markdown.AppendLine();
        markdown.AppendLine("## Actions taken");
        markdown.AppendLine();
        if (incident.Actions.Count == 0)
        {
            markdown.AppendLine("- none");
        }

        foreach (var action in incident.Actions)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"- {Time(action.Time)} {action.Action} on {action.Target} by {action.Actor}: {action.Outcome}");
        }

        if (incident.IsBreachCandidate)
        {
            AppendBreachAssessment(markdown, incident, now);
        }

        markdown.AppendLine();
        markdown.AppendLine("## Root cause");
        markdown.AppendLine();
        markdown.AppendLine("_To be completed by the responder._");
        markdown.AppendLine();
        markdown.AppendLine("## Lessons learned");
        markdown.AppendLine();
        markdown.AppendLine("_To be completed by the responder._");
        return markdown.ToString();
    }

    private static void AppendBreachAssessment(StringBuilder markdown, Incident incident, DateTimeOffset now)
    {
        markdown.AppendLine();
        markdown.AppendLine("## HIPAA breach risk assessment (45 CFR 164.402)");
        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"Discovered: {Time(incident.OpenedAt)} UTC. Notification deadline unless a low probability of compromise is shown: **{Time(BreachClock.DueAt(incident))} UTC** (60 days from discovery).");
        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"Notification clock: **{ClockText(incident, now)}**.");
        markdown.AppendLine();
        markdown.AppendLine("| Factor | Assessment |");
        markdown.AppendLine("| --- | --- |");
        markdown.AppendLine("| 1. Nature and extent of the PHI involved (types, identifiers, likelihood of re-identification) | _To be completed; types involved are listed under Scope._ |");
        markdown.AppendLine("| 2. The unauthorized person who used the PHI or to whom it was disclosed | _To be completed; the subject above is the caller._ |");
        markdown.AppendLine("| 3. Whether the PHI was actually acquired or viewed | _To be completed; blocked answers were not delivered._ |");
        markdown.AppendLine("| 4. The extent to which the risk has been mitigated | _To be completed; see Actions taken._ |");
    }

    private static string ClockText(Incident incident, DateTimeOffset now) => BreachClock.StateOf(incident, now) switch
    {
        BreachClockState.Stopped => $"stopped {Time(incident.NotifiedAt!.Value)} UTC ({incident.NotificationNote})",
        BreachClockState.Overdue => $"OVERDUE by {(now - BreachClock.DueAt(incident)).Days} days",
        var state => $"{state}, {(BreachClock.DueAt(incident) - now).Days} days left",
    };

    private static string EventDetails(IncidentEvent securityEvent)
    {
        var counts = string.Join(", ", securityEvent.EntityCounts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} x{c.Value}"));
        return $"{securityEvent.EventId}{(securityEvent.Code is null ? "" : ", " + securityEvent.Code)}{(counts.Length == 0 ? "" : ", " + counts)}";
    }

    private static void Row(StringBuilder markdown, string field, string value) => markdown.AppendLine(CultureInfo.InvariantCulture, $"| {field} | {Cell(value)} |");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
