namespace Caduceus.Gateway.Limits;

/// <summary>One identity's counters in this process; callers hold its lock while they read or change them.</summary>
internal sealed class IdentityUsage
{
    public UsageWindowCounter Requests { get; } = new(UsageWindows.Requests);

    public UsageWindowCounter HourTokens { get; } = new(UsageWindows.Hour);

    public UsageWindowCounter DayTokens { get; } = new(UsageWindows.Day);

    /// <summary>Set when the sweep dropped this entry; a caller that still holds it looks the identity up again.</summary>
    public bool Dropped { get; set; }

    public bool IsIdle(DateTimeOffset now) => Requests.HasEnded(now) && HourTokens.HasEnded(now) && DayTokens.HasEnded(now);
}
