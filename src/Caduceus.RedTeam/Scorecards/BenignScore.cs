namespace Caduceus.RedTeam.Scorecards;

/// <summary>How the benign clinic traffic of the same drill fared: requests sent and requests refused.</summary>
public sealed record BenignScore(int Total, int Refused, IReadOnlyList<string> RefusedIds)
{
    /// <summary>Refused over total, 0 to 1.</summary>
    public double RefusalRate => Total == 0 ? 0 : (double)Refused / Total;
}
