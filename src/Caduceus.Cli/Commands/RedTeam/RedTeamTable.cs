using System.Globalization;
using Caduceus.RedTeam.Attacks;
using Caduceus.RedTeam.Scorecards;

namespace Caduceus.Cli.Commands.RedTeam;

/// <summary>Prints the pass rate per OWASP category, and the benign refusals, one column per target.</summary>
internal static class RedTeamTable
{
    private const int LabelWidth = 42;

    public static void Print(Scorecard primary, Scorecard? second)
    {
        var cards = second is null ? new[] { primary } : [primary, second];
        var width = Math.Max(22, cards.Max(c => c.Target.Length) + 2);
        Console.WriteLine(Row(width, "category (stopped / attempts)", cards.Select(c => c.Target)));
        foreach (var id in OwaspCategory.All.Where(id => primary.Categories.ContainsKey(id)))
        {
            Console.WriteLine(Row(width, $"{id} {OwaspCategory.Title(id)}", cards.Select(c => Ratio(c.Categories[id].Stopped, c.Categories[id].Attempts))));
        }

        Console.WriteLine(Row(width, "all attacks", cards.Select(c => Ratio(c.Stopped, c.Attempts))));
        Console.WriteLine(Row(width, "benign traffic refused", cards.Select(c => Ratio(c.Benign.Refused, c.Benign.Total))));
        Console.WriteLine(Row(width, "duration", cards.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Duration.TotalSeconds:0.0} s"))));
    }

    private static string Ratio(int part, int whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{part}/{whole} ({(whole == 0 ? 0 : 100.0 * part / whole):0.0}%)");

    private static string Row(int width, string label, IEnumerable<string> cells) =>
        (label.PadRight(LabelWidth) + string.Concat(cells.Select(c => c.PadRight(width)))).TrimEnd();
}
