using Caduceus.Gateway.Limits;

namespace Caduceus.Gateway.Drills;

/// <summary>
/// Scheduled red-team drills (section <c>Drills</c>): the schedules, how long one run may take, how many requests it
/// keeps in flight, and the rate and token limits of the short-lived key each run uses.
/// </summary>
public sealed class DrillSchedulingOptions
{
    public const string SectionName = "Drills";

    public List<DrillScheduleOptions> Schedules { get; set; } = [];

    /// <summary>A run still going after this is cancelled and reported as <c>drill.failed</c> / <c>timed_out</c>.</summary>
    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Requests a run keeps in flight at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// The drill key's own limits: a drill sends hundreds of requests a minute, which the 60 a minute default would
    /// refuse (counted as inconclusive, not stopped). <c>MaxTokensPerRequest</c> is not raised: the application's own
    /// ceiling is part of what the drill measures.
    /// </summary>
    public DrillKeyLimits Limits { get; set; } = new();
}
