namespace Caduceus.RedTeam.Scorecards;

/// <summary>
/// The result of one drill against one target: its API base URL (never its key), when it ran and how long it took,
/// the score per OWASP id (in OWASP order), the benign traffic's refusals, and each attack's verdict.
/// </summary>
public sealed record Scorecard(
    string Target,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyDictionary<string, CategoryScore> Categories,
    BenignScore Benign,
    IReadOnlyList<AttackResult> Attacks)
{
    public int Attempts => Categories.Values.Sum(c => c.Attempts);

    public int Stopped => Categories.Values.Sum(c => c.Stopped);
}
