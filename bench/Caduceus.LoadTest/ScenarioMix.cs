using System.Globalization;

namespace Caduceus.LoadTest;

/// <summary>
/// Weighted scenarios, e.g. <c>benign=4,stream=2,phi=2,injection=1</c>. Request number n gets the scenario at
/// n modulo the total weight of a fixed interleaved cycle (smooth weighted round robin), so every window of
/// "total weight" consecutive requests holds each scenario exactly its weight times, spread out rather than in runs.
/// </summary>
internal sealed class ScenarioMix
{
    public const string Default = "benign=4,stream=2,phi=2,injection=1";

    private readonly int[] _cycle;

    private ScenarioMix(IReadOnlyList<(string Name, int Weight)> weights)
    {
        Weights = weights;
        _cycle = Interleave(weights);
    }

    /// <summary>Names and weights in the order given.</summary>
    public IReadOnlyList<(string Name, int Weight)> Weights { get; }

    public int TotalWeight => _cycle.Length;

    /// <exception cref="ArgumentException">An unknown or repeated name, a weight that is not a whole number from 0 to 1000, or all weights 0.</exception>
    public static ScenarioMix Parse(string text, IReadOnlyCollection<string> known)
    {
        var weights = new List<(string, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            if (!known.Contains(name))
            {
                throw new ArgumentException($"--mix: unknown scenario '{name}' (known: {string.Join(", ", known)})");
            }

            if (weights.Any(w => w.Item1 == name))
            {
                throw new ArgumentException($"--mix: scenario '{name}' is given twice");
            }

            if (equals < 0 || !int.TryParse(part[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight > 1000)
            {
                throw new ArgumentException($"--mix: '{part}' needs NAME=WEIGHT with a whole number from 0 to 1000");
            }

            weights.Add((name, weight));
        }

        return weights.Sum(w => w.Item2) > 0 ? new ScenarioMix(weights) : throw new ArgumentException("--mix: at least one scenario needs a weight above 0");
    }

    /// <summary>The index into <see cref="Weights"/> of request number <paramref name="requestNumber"/> (from 0).</summary>
    public int IndexOf(long requestNumber) => _cycle[requestNumber % _cycle.Length];

    /// <summary>"benign=4,stream=2" as given, for reports.</summary>
    public override string ToString() => string.Join(",", Weights.Select(w => $"{w.Name}={w.Weight.ToString(CultureInfo.InvariantCulture)}"));

    // Smooth weighted round robin (as nginx balances upstreams): each step every entry gains its weight, the largest
    // current value is chosen and loses the total.
    private static int[] Interleave(IReadOnlyList<(string Name, int Weight)> weights)
    {
        var total = weights.Sum(w => w.Weight);
        var current = new int[weights.Count];
        var cycle = new int[total];
        for (var step = 0; step < total; step++)
        {
            var chosen = 0;
            for (var i = 0; i < weights.Count; i++)
            {
                current[i] += weights[i].Weight;
                if (current[i] > current[chosen])
                {
                    chosen = i;
                }
            }

            current[chosen] -= total;
            cycle[step] = chosen;
        }

        return cycle;
    }
}
