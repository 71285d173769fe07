using System.Globalization;

namespace Caduceus.Cli.Commands.Monitor;

/// <summary>One sample of the Prometheus text exposition format: a metric name, its labels and its value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.GetValueOrDefault(name, "");

    /// <summary>Every sample in <paramref name="text"/>; comments and lines that are not samples are skipped.</summary>
    public static IReadOnlyList<PrometheusSample> ParseAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var samples = new List<PrometheusSample>();
        foreach (var rawLine in text.Split('\n'))
        {
            if (Parse(rawLine.Trim()) is { } sample)
            {
                samples.Add(sample);
            }
        }

        return samples;
    }

    private static PrometheusSample? Parse(string line)
    {
        if (line.Length == 0 || line[0] == '#')
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        string name;
        string rest;
        if (brace > 0 && (space < 0 || brace < space))
        {
            name = line[..brace];
            var close = ParseLabels(line, brace + 1, labels);
            if (close < 0)
            {
                return null;
            }

            rest = line[(close + 1)..].Trim();
        }
        else if (space > 0)
        {
            name = line[..space];
            rest = line[(space + 1)..].Trim();
        }
        else
        {
            return null;
        }

        var valueText = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return valueText is not null && double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new PrometheusSample(name, labels, value)
            : null;
    }

    /// <summary>Reads <c>a="x",b="y"</c> up to the closing brace; returns its index, or -1 when malformed.</summary>
    private static int ParseLabels(string line, int start, Dictionary<string, string> labels)
    {
        var i = start;
        while (i < line.Length)
        {
            if (line[i] == '}')
            {
                return i;
            }

            var equals = line.IndexOf('=', i);
            if (equals < 0 || equals + 1 >= line.Length || line[equals + 1] != '"')
            {
                return -1;
            }

            var key = line[i..equals].Trim(' ', ',');
            var value = new System.Text.StringBuilder();
            var j = equals + 2;
            for (; j < line.Length && line[j] != '"'; j++)
            {
                if (line[j] == '\\' && j + 1 < line.Length)
                {
                    j++;
                    value.Append(line[j] == 'n' ? '\n' : line[j]);
                }
                else
                {
                    value.Append(line[j]);
                }
            }

            if (j >= line.Length)
            {
                return -1;
            }

            labels[key] = value.ToString();
            i = j + 1;
            if (i < line.Length && line[i] == ',')
            {
                i++;
            }
        }

        return -1;
    }
}
