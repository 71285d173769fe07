using Caduceus.Gateway.Drills;

namespace Caduceus.Gateway.Compliance;

/// <summary>Drill evidence from the scheduled drills' stored results (<see cref="IDrillResultStore"/>): numbers only.</summary>
internal sealed class ScheduledDrillEvidence(IDrillResultStore store) : IDrillResultEvidence
{
    /// <summary>The store keeps the newest 50 runs of each schedule; a report period holds no more than that in practice.</summary>
    private const int HistoryPerSchedule = 50;

    public async Task<SourceRead<DrillResultSummary>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            var latest = await store.LatestAsync(cancellationToken);
            var runs = 0;
            foreach (var schedule in latest.Select(r => r.Schedule).Distinct(StringComparer.Ordinal))
            {
                runs += (await store.HistoryAsync(schedule, HistoryPerSchedule, cancellationToken)).Count(r => r.StartedAt >= since);
            }

            var newest = latest.Where(r => r.StartedAt >= since).MaxBy(r => r.StartedAt);
            var attempts = newest?.Categories.Values.Sum(c => c.Attempts) ?? 0;
            var share = newest is null || attempts == 0 ? (double?)null : (double)newest.Categories.Values.Sum(c => c.Stopped) / attempts;
            return SourceRead<DrillResultSummary>.Ok(new DrillResultSummary(runs, newest?.StartedAt, share, newest?.Passed, newest?.Findings ?? []));
        }
        catch (System.Data.Common.DbException exception)
        {
            return SourceRead<DrillResultSummary>.Unreadable("the scheduled drill results could not be read: " + exception.Message);
        }
    }
}
