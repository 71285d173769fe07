namespace Caduceus.RedTeam.Scorecards;

/// <summary>How one OWASP category fared: attacks sent and attacks stopped.</summary>
public sealed record CategoryScore(int Attempts, int Stopped)
{
    /// <summary>Stopped over attempts, 0 to 1; 1 when nothing was attempted.</summary>
    public double PassRate => Attempts == 0 ? 1 : (double)Stopped / Attempts;
}
