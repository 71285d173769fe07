using System.Globalization;
using System.Net;
using System.Text;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// A report as one self-contained HTML page: inline style, no scripts, no external resources; a table with a caption,
/// column headers and status badges that carry their word (not colour alone).
/// </summary>
public static class ComplianceReportHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1a1a1a;line-height:1.45}
        table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;padding:.5rem 0}
        th,td{border:1px solid #c8c8c8;padding:.45rem .6rem;vertical-align:top;text-align:left}
        th{background:#f0f0f0}ul{margin:0;padding-left:1.1rem}
        .badge{display:inline-block;padding:.1rem .5rem;border-radius:.6rem;font-weight:600;white-space:nowrap}
        .pass{background:#d8f0dd;color:#0b4f1c}.gap{background:#fbe0dd;color:#7a1309}.not_applicable{background:#e6e6e6;color:#333}
        .summary span{margin-right:1rem}
        """;

    public static string Render(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        var title = Encode($"{report.Framework.Title}: compliance report");
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            <style>{Style}</style>
            </head>
            <body>
            <main>
            <h1>{title}</h1>
            <p>Generated {Encode(Time(report.GeneratedAt))} from {Encode(report.ConfigurationSource)}; counts cover {Encode(Time(report.PeriodStart))} onwards. A control passes only when the evidence listed shows it.</p>
            <p class="summary"><span>Controls: {report.Controls.Count}</span>{Badge(ControlStatus.Pass)} {report.Count(ControlStatus.Pass)} {Badge(ControlStatus.Gap)} {report.Count(ControlStatus.Gap)} {Badge(ControlStatus.NotApplicable)} {report.Count(ControlStatus.NotApplicable)}</p>
            <table>
            <caption>{Encode(report.Framework.Title)}: status, reason and evidence per control</caption>
            <thead><tr><th scope="col">Control</th><th scope="col">Status</th><th scope="col">Reason</th><th scope="col">Evidence</th></tr></thead>
            <tbody>

            """);
        foreach (var control in report.Controls)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{Encode(control.Id)}<br>{Encode(control.Title)}</th><td>{Badge(control.Status)}</td><td>{Encode(control.Reason)}</td><td><ul>");
            foreach (var item in control.Evidence)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{Encode(item.Name)}: {Encode(item.Value)}</li>");
            }

            html.Append("</ul></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Badge(ControlStatus status)
    {
        var text = ControlStatusText.Of(status);
        return $"<span class=\"badge {text}\">{text.Replace('_', ' ')}</span>";
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
