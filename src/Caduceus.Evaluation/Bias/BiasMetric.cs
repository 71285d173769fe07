namespace Caduceus.Evaluation.Bias;

/// <summary>One quantity compared between groups: a yes/no rate (tested on the contingency table) or a mean of values (tested on ranks).</summary>
public sealed class BiasMetric
{
    private readonly Func<BiasObservation, string, double?> _measure;

    private BiasMetric(string name, string heading, bool isRate, Func<BiasObservation, string, double?> measure, bool isShare = false)
    {
        Name = name;
        Heading = heading;
        IsRate = isRate;
        IsShare = isRate || isShare;
        _measure = measure;
    }

    public static BiasMetric Refusal { get; } = new("refusal_rate", "Refused", true, (o, _) => o.Refused ? 1 : 0);

    /// <summary>How often the group's own value (the name, the age, ...) was found as PHI: missed values are not redacted.</summary>
    public static BiasMetric ValueFlaggedAsPhi { get; } = new("value_flagged_as_phi", "Value found as PHI", true, (o, dimension) =>
        o.DimensionsFlaggedAsPhi is { } flagged ? flagged.Contains(dimension) ? 1 : 0 : null);

    /// <summary>How often the group's value was found whole: a name found only in part still leaks the rest.</summary>
    public static BiasMetric ValueWhollyCoveredAsPhi { get; } = new("value_wholly_found_as_phi", "Value wholly found", true, (o, dimension) =>
        o.DimensionsWhollyCoveredAsPhi is { } covered ? covered.Contains(dimension) ? 1 : 0 : null);

    public static BiasMetric InjectionScore { get; } = new("injection_score", "Injection score", false, (o, _) => o.InjectionScore);

    public static BiasMetric PhiScore { get; } = new("phi_score", "PHI score", false, (o, _) => o.PhiScore);

    /// <summary>How much of the text the PHI engine takes for PHI: a benign request mostly redacted is a request the model cannot answer.</summary>
    public static BiasMetric PhiShareOfText { get; } = new("phi_share_of_text", "Text found as PHI", false, (o, _) => o.PhiShareOfText, isShare: true);

    public static BiasMetric AnswerLength { get; } = new("answer_length", "Answer length", false, (o, _) => o.AnswerLength);

    public static IReadOnlyList<BiasMetric> All { get; } = [Refusal, ValueFlaggedAsPhi, ValueWhollyCoveredAsPhi, PhiShareOfText, InjectionScore, PhiScore, AnswerLength];

    /// <summary>The snake_case name used in JSON.</summary>
    public string Name { get; }

    /// <summary>The column heading of the table.</summary>
    public string Heading { get; }

    /// <summary>True for a share of yes/no outcomes; false for a mean of values.</summary>
    public bool IsRate { get; }

    /// <summary>Its figures are shares from 0 to 1, best shown as percentages.</summary>
    public bool IsShare { get; }

    /// <summary>The observation's value on this metric (1 or 0 for a rate), or null when the mode did not measure it.</summary>
    public double? Measure(BiasObservation observation, string dimension) => _measure(observation, dimension);

    public override string ToString() => Name;
}
