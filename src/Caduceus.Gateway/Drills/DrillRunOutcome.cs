namespace Caduceus.Gateway.Drills;

/// <summary>How asking for a run went: the result, or why there is none (the schedule was already running, or the drill could not run).</summary>
internal sealed record DrillRunOutcome(DrillResult? Result, string? FailureCode, string? FailureDetail, bool AlreadyRunning = false)
{
    public static DrillRunOutcome Running { get; } = new(null, null, null, AlreadyRunning: true);

    public static DrillRunOutcome Completed(DrillResult result) => new(result, null, null);

    public static DrillRunOutcome Failed(string code, string detail) => new(null, code, detail);
}
