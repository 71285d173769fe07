using System.Collections.Concurrent;

namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// Anomaly state of one gateway instance. Subjects that never learn a baseline (conversations) are forgotten once
/// their window has passed, so memory follows live traffic rather than history.
/// </summary>
internal sealed class InMemoryAnomalyStateStore : IAnomalyStateStore
{
    private const int SweepEveryAdds = 4096;
    private readonly ConcurrentDictionary<string, SubjectState> _subjects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _cooldowns = new(StringComparer.Ordinal);
    private long _adds;

    public int SubjectCount => _subjects.Count;

    public ValueTask<WindowUpdate> AddAsync(string subject, long bucket, WindowIncrement increment, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _adds) % SweepEveryAdds == 0)
        {
            Sweep(bucket);
        }

        var state = _subjects.GetOrAdd(subject, static _ => new SubjectState());
        lock (state)
        {
            return ValueTask.FromResult(state.Add(bucket, increment));
        }
    }

    public ValueTask<IReadOnlyDictionary<string, Baseline>> BaselinesAsync(string subject, CancellationToken cancellationToken)
    {
        if (!_subjects.TryGetValue(subject, out var state))
        {
            return ValueTask.FromResult<IReadOnlyDictionary<string, Baseline>>(new Dictionary<string, Baseline>());
        }

        lock (state)
        {
            return ValueTask.FromResult<IReadOnlyDictionary<string, Baseline>>(new Dictionary<string, Baseline>(state.Baselines));
        }
    }

    public ValueTask FoldAsync(string subject, IReadOnlyList<MetricSample> samples, FoldSettings settings, CancellationToken cancellationToken)
    {
        var state = _subjects.GetOrAdd(subject, static _ => new SubjectState());
        lock (state)
        {
            foreach (var sample in samples)
            {
                var baseline = state.Baselines.GetValueOrDefault(sample.Metric);
                state.Baselines[sample.Metric] = baseline.Fold(sample.Value, settings.Alpha, settings.ClipDeviations, sample.DeviationFloor, settings.WarmUpSamples);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TryStartCooldownAsync(string key, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_cooldowns.TryGetValue(key, out var until))
            {
                if (until > now)
                {
                    return ValueTask.FromResult(false);
                }

                if (_cooldowns.TryUpdate(key, now + cooldown, until))
                {
                    return ValueTask.FromResult(true);
                }
            }
            else if (_cooldowns.TryAdd(key, now + cooldown))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    private void Sweep(long currentBucket)
    {
        foreach (var (subject, state) in _subjects)
        {
            lock (state)
            {
                if (state.Baselines.Count == 0 && state.LastBucket < currentBucket - 2)
                {
                    _subjects.TryRemove(subject, out _);
                }
            }
        }
    }

    private sealed class SubjectState
    {
        private readonly Dictionary<long, Bucket> _buckets = [];

        public long LastBucket { get; private set; } = long.MinValue;

        public Dictionary<string, Baseline> Baselines { get; } = new(StringComparer.Ordinal);

        public WindowUpdate Add(long bucket, WindowIncrement increment)
        {
            if (!_buckets.TryGetValue(bucket, out var current))
            {
                current = new Bucket();
                _buckets[bucket] = current;
            }

            current.Add(increment);
            WindowCounts? closed = null;
            var closedBucket = LastBucket;
            if (bucket > LastBucket)
            {
                if (LastBucket != long.MinValue)
                {
                    closed = Window(LastBucket);
                }

                LastBucket = bucket;
                foreach (var old in _buckets.Keys.Where(b => b < bucket - 1).ToArray())
                {
                    _buckets.Remove(old);
                }
            }

            return new WindowUpdate(Window(bucket), closed, closedBucket);
        }

        private WindowCounts Window(long endBucket)
        {
            var end = _buckets.GetValueOrDefault(endBucket);
            var before = _buckets.GetValueOrDefault(endBucket - 1);
            var patients = new HashSet<string>(StringComparer.Ordinal);
            long requests = 0, refused = 0, offHours = 0, tokens = 0;
            foreach (var part in new[] { end, before })
            {
                if (part is null)
                {
                    continue;
                }

                requests += part.Requests;
                refused += part.Refused;
                offHours += part.OffHours;
                tokens += part.Tokens;
                patients.UnionWith(part.Patients);
            }

            return new WindowCounts(requests, refused, offHours, tokens, patients.Count);
        }
    }

    private sealed class Bucket
    {
        public long Requests { get; private set; }

        public long Refused { get; private set; }

        public long OffHours { get; private set; }

        public long Tokens { get; private set; }

        public HashSet<string> Patients { get; } = new(StringComparer.Ordinal);

        public void Add(WindowIncrement increment)
        {
            Requests++;
            Refused += increment.Refused ? 1 : 0;
            OffHours += increment.OffHours ? 1 : 0;
            Tokens += increment.Tokens;
            Patients.UnionWith(increment.PatientHashes);
        }
    }
}
