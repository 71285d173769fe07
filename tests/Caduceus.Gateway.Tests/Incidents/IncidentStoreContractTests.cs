using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Tests.Incidents;

/// <summary>What every <see cref="IIncidentStore"/> must do; each store runs these through a derived class.</summary>
public abstract class IncidentStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract IIncidentStore Store { get; }

    /// <summary>A second store on the same data, as another gateway instance or the CLI opens it.</summary>
    private protected abstract IIncidentStore OpenSecondStore();

    [Fact]
    public async Task An_incident_reads_back_with_everything_it_was_created_with_and_its_actions_in_order()
    {
        var incident = NewIncident("injection-burst", "key_a", Start) with
        {
            Application = null,
            Drill = true,
            Categories = ["OWASP LLM01:2025 Prompt Injection", "HIPAA 164.308(a)(6)"],
            Events = [Evidence("evt_1", Start, source: "ab12"), Evidence("evt_2", Start.AddSeconds(1))],
        };
        await Store.CreateAsync(incident, Cancel);
        await Store.AddActionAsync(incident.Id, new IncidentActionRecord(Start.AddSeconds(2), "revoke_key", "key_a", "playbook:injection-burst", "revoked"), IncidentStatus.Contained, Cancel);
        await Store.AddActionAsync(incident.Id, new IncidentActionRecord(Start.AddSeconds(3), "lift", "blk_1", "admin:key_b", "lifted"), IncidentStatus.Contained, Cancel);

        var read = await OpenSecondStore().GetAsync(incident.Id, Cancel);

        Assert.NotNull(read);
        Assert.Equal((incident.Playbook, incident.Subject, (string?)null, IncidentSeverity.High, IncidentStatus.Contained, true), (read.Playbook, read.Subject, read.Application, read.Severity, read.Status, read.Drill));
        Assert.Equal(incident.Categories, read.Categories);
        Assert.Equal((Start, Start.AddSeconds(3)), (read.OpenedAt, read.UpdatedAt));
        Assert.Equal(["evt_1", "evt_2"], read.Events.Select(e => e.EventId));
        Assert.Equal(("ab12", (string?)null), (read.Events[0].Source, read.Events[1].Source));
        Assert.Equal(new Dictionary<string, int> { ["NAME"] = 1, ["SSN"] = 2 }, read.Events[0].EntityCounts);
        Assert.Equal(("prompt_injection_detected", "/v1/chat/completions"), (read.Events[0].Code, read.Events[0].Route));
        Assert.Equal(["revoke_key", "lift"], read.Actions.Select(a => a.Action));
        Assert.Null(await Store.GetAsync("inc_missing", Cancel));
    }

    [Fact]
    public async Task Adding_an_event_already_linked_is_ignored_and_the_update_time_only_moves_forward()
    {
        var incident = NewIncident("injection-burst", "key_a", Start) with { Events = [Evidence("evt_1", Start)] };
        await Store.CreateAsync(incident, Cancel);

        await Store.AddEventsAsync(incident.Id, [Evidence("evt_1", Start), Evidence("evt_2", Start.AddSeconds(5))], Start.AddSeconds(5), Cancel);
        await Store.AddEventsAsync(incident.Id, [Evidence("evt_2", Start.AddSeconds(5))], Start.AddSeconds(1), Cancel);

        var read = await Store.GetAsync(incident.Id, Cancel);
        Assert.Equal(["evt_1", "evt_2"], read!.Events.Select(e => e.EventId));
        Assert.Equal(Start.AddSeconds(5), read.UpdatedAt);
    }

    [Fact]
    public async Task Finding_the_open_incident_prefers_the_playbooks_own_then_the_newest_for_the_subject_and_skips_closed_ones()
    {
        var anomaly = NewIncident("anomaly", "key_a", Start);
        var newerOther = NewIncident("phi-exfiltration", "key_a", Start.AddMinutes(1));
        var closedOwn = NewIncident("injection-burst", "key_a", Start.AddMinutes(2));
        foreach (var incident in new[] { anomaly, newerOther, closedOwn })
        {
            await Store.CreateAsync(incident, Cancel);
        }

        await Store.CloseAsync(closedOwn.Id, Start.AddMinutes(3), Cancel);

        Assert.Equal(anomaly.Id, await Store.FindOpenAsync("anomaly", "key_a", Cancel));
        Assert.Equal(newerOther.Id, await Store.FindOpenAsync("injection-burst", "key_a", Cancel));
        Assert.Null(await Store.FindOpenAsync("anomaly", "key_b", Cancel));
    }

    [Fact]
    public async Task An_incident_closes_once_stays_closed_after_later_actions_and_is_listed_only_when_closed_ones_are_asked_for()
    {
        var first = NewIncident("anomaly", "key_a", Start);
        var second = NewIncident("anomaly", "key_b", Start.AddMinutes(1));
        await Store.CreateAsync(first, Cancel);
        await Store.CreateAsync(second, Cancel);

        Assert.True(await Store.CloseAsync(first.Id, Start.AddMinutes(2), Cancel));
        Assert.False(await Store.CloseAsync(first.Id, Start.AddMinutes(3), Cancel));
        Assert.False(await Store.CloseAsync("inc_missing", Start, Cancel));
        await Store.AddActionAsync(first.Id, new IncidentActionRecord(Start.AddMinutes(4), "lift", "blk_1", "cli:ops", "lifted"), IncidentStatus.Contained, Cancel);

        Assert.Equal([second.Id], (await Store.ListAsync(false, Cancel)).Select(i => i.Id));
        Assert.Equal([second.Id, first.Id], (await Store.ListAsync(true, Cancel)).Select(i => i.Id));
        var closed = await Store.GetAsync(first.Id, Cancel);
        Assert.Equal((IncidentStatus.Closed, (DateTimeOffset?)Start.AddMinutes(2)), (closed!.Status, closed.ClosedAt));
    }

    [Fact]
    public async Task Escalation_and_the_breach_notification_are_recorded_and_an_unknown_incident_is_reported()
    {
        var incident = NewIncident("anomaly", "key_a", Start) with { Severity = IncidentSeverity.Medium };
        await Store.CreateAsync(incident, Cancel);

        await Store.EscalateAsync(incident.Id, IncidentSeverity.Critical, ["A", "B"], Start.AddMinutes(1), Cancel);
        Assert.True(await Store.RecordNotificationAsync(incident.Id, Start.AddMinutes(2), "letters sent to 2 patients", Cancel));
        Assert.False(await Store.RecordNotificationAsync("inc_missing", Start, "none", Cancel));

        var read = await Store.GetAsync(incident.Id, Cancel);
        Assert.Equal((IncidentSeverity.Critical, (DateTimeOffset?)Start.AddMinutes(2), "letters sent to 2 patients"), (read!.Severity, read.NotifiedAt, read.NotificationNote));
        Assert.Equal(["A", "B"], read.Categories);
        Assert.Equal(Start.AddMinutes(2), read.UpdatedAt);
    }

    private static Incident NewIncident(string playbook, string subject, DateTimeOffset openedAt) => new()
    {
        Id = Incident.NewId(),
        Playbook = playbook,
        Subject = subject,
        Application = "default",
        Severity = IncidentSeverity.High,
        Categories = ["OWASP LLM01:2025 Prompt Injection"],
        Status = IncidentStatus.Open,
        OpenedAt = openedAt,
        UpdatedAt = openedAt,
    };

    private static IncidentEvent Evidence(string id, DateTimeOffset time, string? source = null) =>
        new(id, time, "request.blocked", "prompt_injection_detected", "/v1/chat/completions", new Dictionary<string, int> { ["SSN"] = 2, ["NAME"] = 1 }, source);
}
