namespace Caduceus.Evaluation.Bias.Statistics;

/// <summary>The outcome of one test of "no difference between the groups".</summary>
/// <param name="Name">The test used, e.g. <c>fisher-exact</c>, <c>chi-square</c>, <c>kruskal-wallis</c>.</param>
/// <param name="Statistic">The test statistic (the observed table's probability for Fisher's test).</param>
/// <param name="DegreesOfFreedom">Of the chi-square reference distribution; 0 for an exact test.</param>
/// <param name="PValue">The probability of a difference at least this large when the groups do not differ.</param>
/// <param name="HasVariation">False when there was nothing to test (fewer than two groups with data, or every value equal).</param>
public sealed record HypothesisTest(string Name, double Statistic, int DegreesOfFreedom, double PValue, bool HasVariation = true)
{
    /// <summary>Nothing to compare: no evidence of a difference, and no test to count in a correction.</summary>
    public static HypothesisTest NoVariation(string name) => new(name, 0, 0, 1, HasVariation: false);
}
