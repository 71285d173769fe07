using System.Text.Json;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Cli.Tests.Commands;

/// <summary><c>caduceus incidents ...</c> against the real executable, on an incident stored where <c>serve</c> keeps it.</summary>
public sealed class IncidentsCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_json_prints_an_array_and_show_and_report_give_the_timeline()
    {
        var workDir = NewWorkDir();
        var keyId = await CreateKeyAsync(workDir, "patient");
        var incident = await StoreIncidentAsync(workDir, keyId);

        var (listExit, list, _) = await CliProcess.RunAsync(workDir, null, "incidents", "list", "--json");
        var (showExit, show, _) = await CliProcess.RunAsync(workDir, null, "incidents", "show", incident.Id, "--json");
        var reportFile = Path.Combine(workDir, "report.md");
        var (reportExit, _, _) = await CliProcess.RunAsync(workDir, null, "incidents", "report", incident.Id, "--out", reportFile);

        Assert.Equal((0, 0, 0), (listExit, showExit, reportExit));
        var listed = Assert.Single(JsonDocument.Parse(list).RootElement.EnumerateArray());
        Assert.Equal((incident.Id, "High"), (listed.GetProperty("id").GetString(), listed.GetProperty("severity").GetString()));
        Assert.Equal(2, JsonDocument.Parse(show).RootElement.GetProperty("events").GetArrayLength());
        var report = await File.ReadAllTextAsync(reportFile, Cancel);
        Assert.Contains("evt_first", report, StringComparison.Ordinal);
        Assert.Contains("evt_second", report, StringComparison.Ordinal);
        Assert.True(report.IndexOf("evt_first", StringComparison.Ordinal) < report.IndexOf("evt_second", StringComparison.Ordinal), "the timeline is in time order");
    }

    [Fact]
    public async Task Act_revokes_the_key_behind_the_incident_and_close_works_once()
    {
        var workDir = NewWorkDir();
        var keyId = await CreateKeyAsync(workDir, "patient");
        var incident = await StoreIncidentAsync(workDir, keyId);

        var (actExit, actOut, actErr) = await CliProcess.RunAsync(workDir, null, "incidents", "act", incident.Id, "--action", "revoke_key");
        var (_, keys, _) = await CliProcess.RunAsync(workDir, null, "keys", "list", "--json");
        var (closeExit, _, _) = await CliProcess.RunAsync(workDir, null, "incidents", "close", incident.Id);
        var (againExit, _, againErr) = await CliProcess.RunAsync(workDir, null, "incidents", "close", incident.Id);
        var (_, shown, _) = await CliProcess.RunAsync(workDir, null, "incidents", "show", incident.Id, "--json");

        Assert.True(actExit == 0, actOut + actErr);
        var key = JsonDocument.Parse(keys).RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == keyId);
        Assert.Equal(("revoked", "incident"), (key.GetProperty("status").GetString(), key.GetProperty("revoked_reason").GetString()));
        Assert.Equal((0, 2), (closeExit, againExit));
        Assert.Single(againErr.TrimEnd('\n').Split('\n'));
        var stored = JsonDocument.Parse(shown).RootElement;
        Assert.Equal("Closed", stored.GetProperty("status").GetString());
        var action = Assert.Single(stored.GetProperty("actions").EnumerateArray());
        Assert.StartsWith("cli:", action.GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Act_suspends_the_caller_and_lift_ends_it_once()
    {
        var workDir = NewWorkDir();
        var keyId = await CreateKeyAsync(workDir, "patient");
        var incident = await StoreIncidentAsync(workDir, keyId);

        var (actExit, actOut, actErr) = await CliProcess.RunAsync(workDir, null, "incidents", "act", incident.Id, "--action", "suspend_key");
        var blockId = System.Text.RegularExpressions.Regex.Match(actOut, "blk_[0-9a-f]{32}").Value;
        var (liftExit, _, _) = await CliProcess.RunAsync(workDir, null, "incidents", "lift", blockId);
        var (againExit, _, againErr) = await CliProcess.RunAsync(workDir, null, "incidents", "lift", blockId);
        var (_, shown, _) = await CliProcess.RunAsync(workDir, null, "incidents", "show", incident.Id, "--json");

        Assert.True(actExit == 0, actOut + actErr);
        Assert.NotEmpty(blockId);
        Assert.Equal((0, 2), (liftExit, againExit));
        Assert.Single(againErr.TrimEnd('\n').Split('\n'));
        var actions = JsonDocument.Parse(shown).RootElement.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("action").GetString());
        Assert.Equal(["suspend_key", "lift"], actions);
    }

    [Fact]
    public async Task Act_from_the_command_line_is_audited_on_the_same_chain_and_lift_too()
    {
        var workDir = NewWorkDir();
        var keyId = await CreateKeyAsync(workDir, "patient");
        var incident = await StoreIncidentAsync(workDir, keyId);

        var (actExit, actOut, actErr) = await CliProcess.RunAsync(workDir, null, "incidents", "act", incident.Id, "--action", "disable_tools", "--tool", "lookup_patient");
        var blockId = System.Text.RegularExpressions.Regex.Match(actOut, "blk_[0-9a-f]{32}").Value;
        var (liftExit, _, _) = await CliProcess.RunAsync(workDir, null, "incidents", "lift", blockId);
        var (searchExit, contained, _) = await CliProcess.RunAsync(workDir, null, "audit", "search", "--decision", "contained", "--json");
        var (_, lifted, _) = await CliProcess.RunAsync(workDir, null, "audit", "search", "--decision", "lifted", "--json");
        var (verifyExit, verifyOut, verifyErr) = await CliProcess.RunAsync(workDir, null, "audit", "verify");

        Assert.True(actExit == 0, actOut + actErr);
        Assert.Contains("tool 'lookup_patient' disabled", actOut, StringComparison.Ordinal);
        Assert.Equal((0, 0), (liftExit, searchExit));
        Assert.Contains($"incidents/{incident.Id}/disable_tools", contained, StringComparison.Ordinal);
        Assert.Contains($"incidents/{incident.Id}/lift", lifted, StringComparison.Ordinal);
        Assert.True(verifyExit == 0, verifyOut + verifyErr);
    }

    [Fact]
    public async Task Notify_stops_the_breach_clock_and_drills_start_list_and_end()
    {
        var workDir = NewWorkDir();
        var keyId = await CreateKeyAsync(workDir, "patient");
        var incident = await StoreIncidentAsync(workDir, keyId, DefaultPlaybooks.All[DefaultPlaybooks.PhiExfiltration].Categories);

        var (notifyExit, _, notifyErr) = await CliProcess.RunAsync(workDir, null, "incidents", "notify", incident.Id, "--note", "letters mailed", "--at", "2026-11-28T10:00Z");
        var (futureExit, _, _) = await CliProcess.RunAsync(workDir, null, "incidents", "notify", incident.Id, "--note", "x", "--at", "2999-01-01T00:00Z");
        var (_, shown, _) = await CliProcess.RunAsync(workDir, null, "incidents", "show", incident.Id, "--json");
        var (htmlExit, html, _) = await CliProcess.RunAsync(workDir, null, "incidents", "report", incident.Id, "--format", "html");
        var (startExit, started, startErr) = await CliProcess.RunAsync(workDir, null, "incidents", "drills", "start", "--principal", keyId, "--for", "15m");
        var (tooLongExit, _, _) = await CliProcess.RunAsync(workDir, null, "incidents", "drills", "start", "--principal", keyId, "--for", "3d");
        var drillId = System.Text.RegularExpressions.Regex.Match(started, "drl_[0-9a-f]{32}").Value;
        var (_, running, _) = await CliProcess.RunAsync(workDir, null, "incidents", "drills", "list", "--json");
        var (endExit, _, _) = await CliProcess.RunAsync(workDir, null, "incidents", "drills", "end", drillId);
        var (endAgainExit, _, _) = await CliProcess.RunAsync(workDir, null, "incidents", "drills", "end", drillId);
        var (_, afterEnd, _) = await CliProcess.RunAsync(workDir, null, "incidents", "drills", "list", "--json");

        Assert.True(notifyExit == 0, notifyErr);
        Assert.Equal(2, futureExit);
        var stored = JsonDocument.Parse(shown).RootElement;
        Assert.Equal("letters mailed", stored.GetProperty("notification_note").GetString());
        Assert.StartsWith("2026-11-28T10:00:00", stored.GetProperty("notified_at").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, htmlExit);
        Assert.Contains("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("stopped 2026-11-28 10:00:00.000 UTC (letters mailed)", html, StringComparison.Ordinal);
        Assert.True(startExit == 0, startErr);
        Assert.Equal(2, tooLongExit);
        Assert.Equal(drillId, Assert.Single(JsonDocument.Parse(running).RootElement.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal((0, 2), (endExit, endAgainExit));
        Assert.Empty(JsonDocument.Parse(afterEnd).RootElement.EnumerateArray());
    }

    [Theory]
    [InlineData("incidents", "act", "inc_missing", "--action", "strict_policy", "--tool", "x")]
    [InlineData("incidents", "notify", "inc_missing", "--note", "x")]
    [InlineData("incidents", "drills", "end", "drl_missing")]
    [InlineData("incidents", "report", "inc_missing", "--format", "pdf")]
    [InlineData("incidents", "lift", "blk_missing")]
    [InlineData("incidents", "show", "inc_missing")]
    [InlineData("incidents", "report", "inc_missing")]
    [InlineData("incidents", "close", "inc_missing")]
    [InlineData("incidents", "act", "inc_missing", "--action", "revoke_key")]
    [InlineData("incidents", "act", "inc_missing", "--action", "launch_missiles")]
    [InlineData("incidents", "list", "--no-such-option")]
    public async Task Bad_ids_and_usage_exit_2_with_one_line(params string[] args)
    {
        var workDir = NewWorkDir();

        var (exit, _, stderr) = await CliProcess.RunAsync(workDir, null, args);

        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }

    private static string NewWorkDir() => Directory.CreateTempSubdirectory("caduceus-incidents-").FullName;

    private static async Task<string> CreateKeyAsync(string workDir, string role)
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(workDir, null, "keys", "create", "--app", "default", "--role", role, "--json");
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<Incident> StoreIncidentAsync(string workDir, string keyId, IReadOnlyList<string>? categories = null)
    {
        var database = new GatewayDatabase(Microsoft.Extensions.Options.Options.Create(new GatewayOptions { DataDirectory = Path.Combine(workDir, "caduceus-data") }));
        var opened = DateTimeOffset.UtcNow;
        var incident = new Incident
        {
            Id = Incident.NewId(),
            Playbook = DefaultPlaybooks.InjectionBurst,
            Subject = keyId,
            Application = "default",
            Severity = IncidentSeverity.High,
            Categories = categories ?? ["OWASP LLM01:2025 Prompt Injection"],
            Status = IncidentStatus.Open,
            OpenedAt = opened,
            UpdatedAt = opened,
            Events =
            [
                new IncidentEvent("evt_second", opened.AddSeconds(-1), "request.blocked", "prompt_injection_detected", "/v1/chat/completions", new Dictionary<string, int>()),
                new IncidentEvent("evt_first", opened.AddSeconds(-5), "request.blocked", "prompt_injection_detected", "/v1/chat/completions", new Dictionary<string, int> { ["SSN"] = 1 }),
            ],
        };
        await new SqliteIncidentStore(database).CreateAsync(incident, Cancel);
        SqliteConnection.ClearAllPools();
        return incident;
    }
}
