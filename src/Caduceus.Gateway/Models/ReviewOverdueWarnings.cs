using System.Collections.Concurrent;

namespace Caduceus.Gateway.Models;

/// <summary>
/// Decides when an overdue review is worth another warning event: once per entry per <see cref="Interval"/>, so a
/// busy model does not flood the event stream with the same fact.
/// </summary>
internal sealed class ReviewOverdueWarnings(TimeProvider timeProvider)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWarned = new(StringComparer.Ordinal);

    public bool ShouldWarn(ModelEntry entry)
    {
        var now = timeProvider.GetUtcNow();
        var key = entry.Application.ToUpperInvariant() + "\0" + entry.Model;
        var warned = false;
        _lastWarned.AddOrUpdate(
            key,
            _ =>
            {
                warned = true;
                return now;
            },
            (_, last) =>
            {
                if (now - last < Interval)
                {
                    return last;
                }

                warned = true;
                return now;
            });
        return warned;
    }
}
