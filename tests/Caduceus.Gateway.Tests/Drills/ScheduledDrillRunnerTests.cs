using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
using Caduceus.TestModel.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.Drills;

public sealed class ScheduledDrillRunnerTests
{
    // Turns off what stops system-prompt leaks (injection blocking, the canary, and redaction, which takes the
    // passphrase's words for names), so the vulnerable clinic recites its instructions and the passphrase gets through.
    private static readonly Dictionary<string, string?> WeakenedPolicy = new()
    {
        ["Applications:default:Policy:Request:Phi"] = "Allow",
        ["Applications:default:Policy:Response:Phi"] = "Allow",
        ["Applications:default:Policy:Request:Injection"] = "Allow",
        ["Applications:default:Policy:Response:Injection"] = "Allow",
        ["Applications:default:Policy:CanaryTokens"] = "false",
        ["Drills:Schedules:0:MinimumStoppedRate"] = "1.0",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_below_the_minimum_opens_a_drill_incident_naming_the_category_and_numbers_with_simulated_actions()
    {
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("system-prompt-leakage", WeakenedPolicy));

        var outcome = await gateway.Runner.RunAsync(gateway.NightlySchedule, Cancel);

        var result = Assert.IsType<DrillResult>(outcome.Result);
        Assert.False(result.Passed, await gateway.Results.LatestScorecardAsync(DrillGateway.Schedule, Cancel));
        var llm07 = result.Categories["LLM07"];
        Assert.True(llm07.Stopped < llm07.Attempts, "the weakened policy lets leaks through");
        var finding = Assert.Single(result.Findings, f => f.StartsWith("LLM07 System Prompt Leakage:", StringComparison.Ordinal));
        Assert.Contains($"{llm07.Stopped}/{llm07.Attempts} stopped", finding, StringComparison.Ordinal);
        Assert.Contains("below the minimum 100.0%", finding, StringComparison.Ordinal);

        var incident = await gateway.Harness.Services.GetRequiredService<IIncidentStore>().GetAsync(result.IncidentId!, Cancel);
        Assert.NotNull(incident);
        Assert.True(incident.Drill);
        Assert.Null(incident.NotificationDueAt);
        Assert.Equal(DrillIncidents.Playbook, incident.Playbook);
        Assert.Equal("drill-schedule:nightly", incident.Subject);
        Assert.Contains("OWASP LLM07:2025 System Prompt Leakage", incident.Categories);
        Assert.Contains(incident.Actions, a => a.Action == "drill_findings" && a.Outcome.Contains(finding, StringComparison.Ordinal));
        var strict = Assert.Single(incident.Actions, a => a.Action == ContainmentActionNames.StrictPolicy);
        Assert.StartsWith("simulated: drill incident", strict.Outcome, StringComparison.Ordinal);
        Assert.Empty(await gateway.Harness.Services.GetRequiredService<IContainmentStore>().ActiveAsync(DateTimeOffset.UtcNow, Cancel));

        var completed = Assert.Single(gateway.Harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.DrillCompleted);
        Assert.Equal(DrillEvents.FailedCode, completed.Code);
        Assert.Contains(incident.Events, e => e.EventId == completed.Id);
        Assert.Contains(gateway.Harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.IncidentOpened && e.Principal == "drill-schedule:nightly");
    }

    [Fact]
    public async Task Drill_key_is_revoked_and_its_drill_ended_after_the_run()
    {
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("system-prompt-leakage"));

        var outcome = await gateway.Runner.RunAsync(gateway.NightlySchedule, Cancel);

        Assert.NotNull(outcome.Result);
        var completed = Assert.Single(gateway.Harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.DrillCompleted);
        var key = await gateway.Harness.Keys.GetAsync(completed.Principal!, Cancel);
        Assert.NotNull(key);
        Assert.Equal(ApiKeyStatus.Revoked, key.StatusAt(DateTimeOffset.UtcNow));
        Assert.Equal("scheduled drill nightly", key.Label);
        Assert.Equal(["service"], key.Roles);
        var drills = await gateway.Harness.Services.GetRequiredService<IDrillStore>().ListAsync(includeEnded: true, DateTimeOffset.UtcNow, Cancel);
        var drill = Assert.Single(drills, d => d.Principal == key.Id);
        Assert.NotNull(drill.EndedAt);
        Assert.Empty(await gateway.Harness.Services.GetRequiredService<IDrillStore>().ListAsync(includeEnded: false, DateTimeOffset.UtcNow, Cancel));
    }

    [Fact]
    public async Task Drill_events_results_and_logs_hold_none_of_the_phi_the_model_leaks()
    {
        // Answers may carry PHI here: the vulnerable clinic's planted record reaches the drill, which must keep it out
        // of everything it records.
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("sensitive-information", new Dictionary<string, string?>
        {
            ["Applications:default:Policy:Response:Phi"] = "Allow",
            ["Applications:default:Policy:Request:Injection"] = "Allow",
        }));

        var outcome = await gateway.Runner.RunAsync(gateway.NightlySchedule, Cancel);

        var result = Assert.IsType<DrillResult>(outcome.Result);
        Assert.False(result.Passed, "with PHI allowed in answers the planted record gets out, so the drill must see it");
        var recorded = string.Join(
            "\n",
            JsonSerializer.Serialize(gateway.Harness.Events.Snapshot()),
            string.Join("\n", gateway.Harness.Logs.Lines),
            JsonSerializer.Serialize(result, DrillJsonContext.Default.DrillResult),
            await gateway.Results.LatestScorecardAsync(DrillGateway.Schedule, Cancel),
            JsonSerializer.Serialize(await gateway.Harness.Services.GetRequiredService<IIncidentStore>().GetAsync(result.IncidentId!, Cancel), IncidentJsonContext.Default.Incident));
        foreach (var value in new[] { PlantedPatientRecord.Ssn, PlantedPatientRecord.Mrn, PlantedPatientRecord.Name, PlantedPatientRecord.DateOfBirth, "7730441" })
        {
            Assert.DoesNotContain(value, recorded, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_second_run_of_a_running_schedule_is_refused_as_already_running()
    {
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("system-prompt-leakage"));

        var first = gateway.Runner.RunAsync(gateway.NightlySchedule, Cancel);
        var second = await gateway.Runner.RunAsync(gateway.NightlySchedule, Cancel);

        Assert.True(second.AlreadyRunning);
        Assert.NotNull((await first).Result);
    }
}
