using System.Text.RegularExpressions;

namespace Caduceus.Detection.Injection;

/// <summary>
/// One explainable sign of an attack on the model, e.g. "instruction_override". A signal may have one pattern per
/// language; it fires once however many of them match, so a bilingual attack is not counted twice.
/// </summary>
internal sealed class InjectionSignal
{
    private readonly Regex[] _patterns;

    /// <param name="name">Lower snake case; appears in explanations, events and metrics.</param>
    /// <param name="weight">How strongly this signal alone indicates an attack, in (0, 1).</param>
    /// <param name="patterns">Source-generated, case-insensitive regexes with a match timeout.</param>
    public InjectionSignal(string name, double weight, params Regex[] patterns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(weight, 1.0);
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Length == 0)
        {
            throw new ArgumentException("A signal needs at least one pattern.", nameof(patterns));
        }

        Name = name;
        Weight = weight;
        _patterns = patterns;
    }

    public string Name { get; }

    public double Weight { get; }

    /// <summary>Where the signal's matches begin and end in <paramref name="text"/>; false when nothing matched.</summary>
    public bool TryMatch(string text, out int start, out int end)
    {
        start = int.MaxValue;
        end = -1;
        foreach (var pattern in _patterns)
        {
            foreach (var match in pattern.EnumerateMatches(text))
            {
                start = Math.Min(start, match.Index);
                end = Math.Max(end, match.Index + match.Length);
            }
        }

        return end >= 0;
    }
}
