namespace Caduceus.Gateway.Drills;

/// <summary><c>Drills:Limits</c>: the request rate and token budgets of a scheduled drill's key, in place of the application's.</summary>
public sealed class DrillKeyLimits
{
    public int RequestsPerMinute { get; set; } = 10_000;

    public long TokensPerHour { get; set; } = 100_000_000;

    public long TokensPerDay { get; set; } = 1_000_000_000;
}
