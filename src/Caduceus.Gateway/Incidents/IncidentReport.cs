using System.Globalization;
using System.Text;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The post-incident report in Markdown: summary, timeline (evidence and actions in time order), scope (the PHI
/// types involved, by count, never values) and the actions taken, with the fields people complete afterwards.
/// </summary>
public static class IncidentReport
{
    public static string ToMarkdown(Incident incident)
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

        if (incident.Categories.Any(c => c.Contains(BreachRule, StringComparison.Ordinal)))
        {
            AppendBreachAssessment(markdown, incident);
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

    /// <summary>The HIPAA breach notification rule's risk assessment (45 CFR 164.402) and its clock.</summary>
    public const string BreachRule = "164.402";

    /// <summary>Notice to individuals is due without unreasonable delay and at the latest this long after discovery (45 CFR 164.404(b)).</summary>
    public static readonly TimeSpan NotificationDeadline = TimeSpan.FromDays(60);

    private static void AppendBreachAssessment(StringBuilder markdown, Incident incident)
    {
        markdown.AppendLine();
        markdown.AppendLine("## HIPAA breach risk assessment (45 CFR 164.402)");
        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"Discovered: {Time(incident.OpenedAt)} UTC. Notification deadline unless a low probability of compromise is shown: **{Time(incident.OpenedAt + NotificationDeadline)} UTC** (60 days from discovery).");
        markdown.AppendLine();
        markdown.AppendLine("| Factor | Assessment |");
        markdown.AppendLine("| --- | --- |");
        markdown.AppendLine("| 1. Nature and extent of the PHI involved (types, identifiers, likelihood of re-identification) | _To be completed; types involved are listed under Scope._ |");
        markdown.AppendLine("| 2. The unauthorized person who used the PHI or to whom it was disclosed | _To be completed; the subject above is the caller._ |");
        markdown.AppendLine("| 3. Whether the PHI was actually acquired or viewed | _To be completed; blocked answers were not delivered._ |");
        markdown.AppendLine("| 4. The extent to which the risk has been mitigated | _To be completed; see Actions taken._ |");
    }

    private static string EventDetails(IncidentEvent securityEvent)
    {
        var counts = string.Join(", ", securityEvent.EntityCounts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} x{c.Value}"));
        return $"{securityEvent.EventId}{(securityEvent.Code is null ? "" : ", " + securityEvent.Code)}{(counts.Length == 0 ? "" : ", " + counts)}";
    }

    private static void Row(StringBuilder markdown, string field, string value) => markdown.AppendLine(CultureInfo.InvariantCulture, $"| {field} | {Cell(value)} |");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
