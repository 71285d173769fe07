namespace Caduceus.Gateway.Drills;

/// <summary>
/// Results of scheduled drills, in the shared gateway database: the read side is for anything that reports on drills
/// (admin API, console, compliance reports); only the drill runner saves.
/// </summary>
public interface IDrillResultStore
{
    /// <summary>Keeps a run's result and its full scorecard (JSON, as <c>caduceus redteam --json</c> writes it).</summary>
    Task SaveAsync(DrillResult result, string scorecardJson, CancellationToken cancellationToken);

    /// <summary>The newest result of every schedule that has run, newest first.</summary>
    Task<IReadOnlyList<DrillResult>> LatestAsync(CancellationToken cancellationToken);

    /// <summary>The newest result of one schedule, or null when it has not run.</summary>
    Task<DrillResult?> LatestAsync(string schedule, CancellationToken cancellationToken);

    /// <summary>A schedule's results, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DrillResult>> HistoryAsync(string schedule, int limit, CancellationToken cancellationToken);

    /// <summary>The full scorecard JSON of a schedule's newest run, or null.</summary>
    Task<string?> LatestScorecardAsync(string schedule, CancellationToken cancellationToken);
}
