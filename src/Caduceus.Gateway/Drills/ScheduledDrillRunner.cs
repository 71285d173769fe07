using System.Collections.Concurrent;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Models;
using Caduceus.Identity;
using Caduceus.RedTeam.Running;
using Caduceus.RedTeam.Scorecards;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Drills;

/// <summary>
/// Runs one schedule's drill against this gateway's own address, over real HTTP through the whole pipeline, as a
/// short-lived <c>service</c> key of the schedule's application that is declared a drill while it runs (its incidents
/// are drill incidents) and revoked afterwards. Records the outcome as a security event and a stored result, and
/// opens a drill incident when the run falls short. One run per schedule at a time.
/// </summary>
internal sealed partial class ScheduledDrillRunner(
    DrillSchedulingOptions options,
    IApiKeyStore keys,
    DrillRegistry drills,
    ScheduledDrillKeys drillKeys,
    IModelInventory inventory,
    GatewaySelfAddress self,
    IDrillResultStore results,
    DrillIncidents incidents,
    Events.SecurityEventBus events,
    IncidentInbox incidentInbox,
    TimeProvider timeProvider,
    ILogger<ScheduledDrillRunner> logger)
{
    /// <summary>Who starts and ends the drills in the audit trail.</summary>
    public const string Actor = "drill-scheduler";

    // Events of the drill's last requests may still wait in the incident inbox when the run ends; they must be judged
    // while the drill is still declared, or they would open real incidents against a key that no longer exists.
    private static readonly TimeSpan InboxDrainLimit = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.OrdinalIgnoreCase);

    public bool IsRunning(string schedule) => _running.ContainsKey(schedule);

    public async Task<DrillRunOutcome> RunAsync(DrillSchedule schedule, CancellationToken cancellationToken)
    {
        if (!_running.TryAdd(schedule.Name, 0))
        {
            return DrillRunOutcome.Running;
        }

        try
        {
            return await RunExclusiveAsync(schedule, cancellationToken);
        }
        finally
        {
            _running.TryRemove(schedule.Name, out _);
        }
    }

    private async Task<DrillRunOutcome> RunExclusiveAsync(DrillSchedule schedule, CancellationToken cancellationToken)
    {
        if (self.ApiBase() is not { } apiBase)
        {
            return Fail(schedule, null, "unreachable", "the gateway listens on no http(s) address it can reach itself");
        }

        if (await inventory.GetDefaultAsync(schedule.Application, cancellationToken) is not { } model)
        {
            return Fail(schedule, null, "no_default_model", $"application '{schedule.Application}' has no default model in the inventory");
        }

        var now = timeProvider.GetUtcNow();
        var label = $"scheduled drill {schedule.Name}";
        var declaredFor = options.MaxRunTime + TimeSpan.FromMinutes(5);
        var issued = await keys.CreateAsync(new NewApiKey(schedule.Application, [CallerRoles.Service], label, now + declaredFor), cancellationToken);
        var keyId = issued.Record.Id;
        drillKeys.Add(keyId);
        Drill? drill = null;
        try
        {
            drill = await drills.StartAsync(keyId, label, declaredFor, Actor, cancellationToken);
            var scorecard = await DrillAsync(new DrillTarget(apiBase, issued.Secret, model.Model), keyId, schedule, cancellationToken);
            return scorecard.Failure ?? DrillRunOutcome.Completed(await RecordAsync(schedule, keyId, scorecard.Card!, cancellationToken));
        }
        finally
        {
            await keys.RevokeAsync(keyId, ApiKeyRevocationReason.Revoked, CancellationToken.None);
            drillKeys.Remove(keyId);
            if (drill is not null)
            {
                await WaitForIncidentInboxAsync();
                await drills.EndAsync(drill.Id, Actor, CancellationToken.None);
            }
        }
    }

    private async Task<(Scorecard? Card, DrillRunOutcome? Failure)> DrillAsync(DrillTarget target, string keyId, DrillSchedule schedule, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.MaxRunTime);
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var runner = new DrillRunner(http, new DrillBudget(), options.Concurrency);
        try
        {
            var card = await runner.RunAsync(target, DrillPlan.Create(schedule.Categories, DrillSecrets.Create()), null, timeout.Token);
            return (card, null);
        }
        catch (DrillTargetException exception)
        {
            return (null, Fail(schedule, keyId, "unreachable", exception.Message));
        }
        catch (HttpRequestException exception)
        {
            return (null, Fail(schedule, keyId, "unreachable", $"the gateway's own address did not answer ({exception.HttpRequestError})"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, Fail(schedule, keyId, "timed_out", $"the drill did not finish within Drills:MaxRunTime ({options.MaxRunTime})"));
        }
    }

    private async Task<DrillResult> RecordAsync(DrillSchedule schedule, string keyId, Scorecard scorecard, CancellationToken cancellationToken)
    {
        var previous = await results.LatestAsync(schedule.Name, cancellationToken);
        var (categories, findings, failing) = DrillEvaluation.Evaluate(schedule, scorecard, previous);
        var passed = findings.Count == 0;
        var completed = events.Publish(DrillEvents.Completed(schedule, keyId, scorecard, passed, findings.Count, timeProvider.GetUtcNow()));
        var incidentId = passed ? null : await incidents.OpenAsync(schedule, completed, findings, failing, cancellationToken);
        var result = new DrillResult
        {
            Id = DrillResult.NewId(),
            Schedule = schedule.Name,
            Application = schedule.Application,
            StartedAt = scorecard.StartedAt,
            DurationSeconds = Math.Round(scorecard.Duration.TotalSeconds, 3),
            Passed = passed,
            Categories = categories,
            BenignTotal = scorecard.Benign.Total,
            BenignRefused = scorecard.Benign.Refused,
            MaxBenignRefusedRate = schedule.MaxBenignRefusedRate,
            Findings = findings,
            EventId = completed.Id,
            IncidentId = incidentId,
        };
        await results.SaveAsync(result, ScorecardJson.Serialize(scorecard), cancellationToken);
        LogCompleted(logger, schedule.Name, passed ? DrillEvents.PassedCode : DrillEvents.FailedCode, scorecard.Stopped, scorecard.Attempts, findings.Count, incidentId);
        return result;
    }

    private DrillRunOutcome Fail(DrillSchedule schedule, string? keyId, string code, string detail)
    {
        events.Publish(DrillEvents.Failed(schedule, keyId, code, timeProvider.GetUtcNow()));
        LogFailed(logger, schedule.Name, code, detail);
        return DrillRunOutcome.Failed(code, detail);
    }

    private async Task WaitForIncidentInboxAsync()
    {
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(50);
        while (incidentInbox.Reader.Count > 0 && waited < InboxDrainLimit)
        {
            await Task.Delay(step, CancellationToken.None);
            waited += step;
        }

        // The worker may still be handling the last event it took.
        await Task.Delay(step * 4, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled drill {Schedule} {Outcome}: {Stopped}/{Attempts} attacks stopped, {Findings} findings, incident {IncidentId}")]
    private static partial void LogCompleted(ILogger logger, string schedule, string outcome, int stopped, int attempts, int findings, string? incidentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled drill {Schedule} could not run ({Code}): {Detail}")]
    private static partial void LogFailed(ILogger logger, string schedule, string code, string detail);
}
