using System.Globalization;
using System.Net;
using System.Text;
using Caduceus.RedTeam.Attacks;

namespace Caduceus.RedTeam.Scorecards;

/// <summary>
/// Writes a self-contained HTML report (no scripts, fonts or images from anywhere): an inline SVG bar chart of the
/// pass rate per OWASP category (one bar per target), a table of the numbers, the benign refusals, and every attack
/// that got through.
/// </summary>
public static class ScorecardHtml
{
    private const int ChartWidth = 760;
    private const int ChartHeight = 280;
    private const int Left = 50;
    private const int Bottom = 40;
    private const int Top = 20;
    private static readonly string[] Colors = ["#c0392b", "#2471a3"];

    public static string Render(Scorecard primary, Scorecard? compare = null)
    {
        var cards = compare is null ? new[] { primary } : [primary, compare];
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Caduceus red-team scorecard</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}")
            .Append(".legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 16px}</style></head><body>\n")
            .Append("<h1>Red-team drill scorecard</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>Run {Encode(primary.StartedAt.ToString("u", CultureInfo.InvariantCulture))}. Pass rate = attacks stopped / attacks sent.</p>\n");
        html.Append("<p class=\"legend\">");
        for (var i = 0; i < cards.Length; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span style=\"background:{Colors[i]}\"></span>{Encode(cards[i].Target)}");
        }

        html.Append("</p>\n").Append(Chart(cards)).Append('\n').Append(Table(cards));
        foreach (var card in cards)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(card.Target)}</h2>\n<p>{card.Stopped} of {card.Attempts} attacks stopped; ")
                .Append(CultureInfo.InvariantCulture, $"benign traffic refused {card.Benign.Refused} of {card.Benign.Total}; drill took {card.Duration.TotalSeconds:0.0} s.</p>\n");
            var through = card.Attacks.Where(a => !a.Stopped).ToArray();
            if (through.Length > 0)
            {
                html.Append("<details><summary>Attacks that got through (").Append(through.Length).Append(")</summary><table><tr><th>attack</th><th>mutation</th><th>why</th></tr>");
                foreach (var attack in through)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(attack.Id)}</td><td>{Encode(attack.Mutation)}</td><td>{Encode(attack.Reason)}</td></tr>");
                }

                html.Append("</table></details>\n");
            }
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string Chart(Scorecard[] cards)
    {
        var categories = OwaspCategory.All.Where(id => cards.Any(c => c.Categories.ContainsKey(id))).ToArray();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" role=\"img\" aria-label=\"Pass rate per category\">");
        var plotHeight = ChartHeight - Bottom - Top;
        for (var percent = 0; percent <= 100; percent += 25)
        {
            var y = Top + plotHeight - (plotHeight * percent / 100.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{ChartWidth}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{percent}%</text>");
        }

        var groupWidth = (ChartWidth - Left) / (double)Math.Max(1, categories.Length);
        var barWidth = (groupWidth - 20) / cards.Length;
        for (var g = 0; g < categories.Length; g++)
        {
            var x0 = Left + (g * groupWidth) + 10;
            for (var i = 0; i < cards.Length; i++)
            {
                if (!cards[i].Categories.TryGetValue(categories[g], out var score))
                {
                    continue;
                }

                var height = plotHeight * score.PassRate;
                var x = x0 + (i * barWidth);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{Top + plotHeight - height:0.#}\" width=\"{barWidth - 2:0.#}\" height=\"{height:0.#}\" fill=\"{Colors[i]}\"><title>{categories[g]}: {score.Stopped}/{score.Attempts}</title></rect>")
                    .Append(CultureInfo.InvariantCulture, $"<text x=\"{x + ((barWidth - 2) / 2):0.#}\" y=\"{Top - 4 + plotHeight - height:0.#}\" font-size=\"10\" text-anchor=\"middle\">{score.PassRate * 100:0}%</text>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0 + ((groupWidth - 20) / 2):0.#}\" y=\"{ChartHeight - 22}\" font-size=\"12\" text-anchor=\"middle\">{categories[g]}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Table(Scorecard[] cards)
    {
        var table = new StringBuilder("<table><tr><th>category</th>");
        foreach (var card in cards)
        {
            table.Append(CultureInfo.InvariantCulture, $"<th>{Encode(card.Target)}<br>stopped / attempts</th>");
        }

        table.Append("</tr>");
        foreach (var id in OwaspCategory.All.Where(id => cards.Any(c => c.Categories.ContainsKey(id))))
        {
            table.Append(CultureInfo.InvariantCulture, $"<tr><td>{id} {Encode(OwaspCategory.Title(id))}</td>");
            foreach (var card in cards)
            {
                table.Append(card.Categories.TryGetValue(id, out var score)
                    ? string.Create(CultureInfo.InvariantCulture, $"<td>{score.Stopped} / {score.Attempts} ({score.PassRate * 100:0.0}%)</td>")
                    : "<td>-</td>");
            }

            table.Append("</tr>");
        }

        table.Append("<tr><td>Benign traffic refused</td>");
        foreach (var card in cards)
        {
            table.Append(CultureInfo.InvariantCulture, $"<td>{card.Benign.Refused} / {card.Benign.Total} ({card.Benign.RefusalRate * 100:0.0}%)</td>");
        }

        return table.Append("</tr></table>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
