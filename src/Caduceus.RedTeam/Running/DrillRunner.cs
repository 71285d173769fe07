using System.Collections.Concurrent;
using System.Diagnostics;
using Caduceus.RedTeam.Attacks;
using Caduceus.RedTeam.Judging;
using Caduceus.RedTeam.Scorecards;

namespace Caduceus.RedTeam.Running;

/// <summary>Sends a drill plan to one target, judges every reply, and adds the results up into a scorecard.</summary>
internal sealed class DrillRunner(HttpClient http, DrillBudget budget, int concurrency)
{
    public const int DefaultConcurrency = 4;

    /// <summary>Runs every case of <paramref name="plan"/>; <paramref name="onCaseDone"/> is called after each, for a progress bar.</summary>
    public async Task<Scorecard> RunAsync(DrillTarget target, DrillPlan plan, Action? onCaseDone, CancellationToken cancellationToken)
    {
        var probe = new ChatProbe(http, target, budget);
        var judge = new AttackJudge(plan.Secrets);
        var attacks = new ConcurrentBag<AttackResult>();
        var benignRefused = new ConcurrentBag<string>();
        await WarmUpAsync(probe, target, plan, cancellationToken);
        var startedAt = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            plan.Cases,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (drillCase, token) =>
            {
                var reply = await probe.SendAsync(drillCase, token);
                if (drillCase.Attack is { } attack)
                {
                    var verdict = judge.Judge(drillCase, reply);
                    attacks.Add(new AttackResult(attack.Id, attack.Category, drillCase.Mutation, verdict.Stopped, verdict.Reason, reply.Status, (long)reply.Elapsed.TotalMilliseconds));
                }
                else if (reply.Refused || reply.HeldOpen)
                {
                    benignRefused.Add(drillCase.Id);
                }

                onCaseDone?.Invoke();
            });

        var results = attacks.OrderBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Mutation, StringComparer.Ordinal).ToArray();
        var categories = OwaspCategory.All
            .Where(id => results.Any(r => r.Category == id))
            .ToDictionary(id => id, id => new CategoryScore(results.Count(r => r.Category == id), results.Count(r => r.Category == id && r.Stopped)));
        var benignTotal = plan.Cases.Count(c => c.Attack is null);
        return new Scorecard(
            target.BaseAddress.ToString(),
            startedAt,
            watch.Elapsed,
            categories,
            new BenignScore(benignTotal, benignRefused.Count, [.. benignRefused.Order(StringComparer.Ordinal)]),
            results);
    }

    // A target's first request can take seconds (models and detectors loading); without a warm-up that cold start
    // would be judged as a held-open stream. The warm-up is a benign request, uncounted; it also shows that the
    // target is there and takes our key.
    private static async Task WarmUpAsync(ChatProbe probe, DrillTarget target, DrillPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Cases.FirstOrDefault(c => c.Attack is null) is not { } benign)
        {
            return;
        }

        var reply = await probe.SendAsync(benign with { Stream = false }, cancellationToken);
        if (reply.Status is null && !reply.HeldOpen)
        {
            throw new DrillTargetException($"could not reach {target.BaseAddress} (no HTTP answer to a benign request)");
        }

        if (reply.Status is 401 or 403 or 404 or 405)
        {
            var hint = reply.Status is 401 or 403 ? "; check --key" : "; is it the OpenAI-compatible base URL, e.g. http://host:port/v1?";
            throw new DrillTargetException($"{target.BaseAddress} answered a benign request with HTTP {reply.Status} ({reply.ErrorCode ?? "no code"}){hint}");
        }
    }
}
