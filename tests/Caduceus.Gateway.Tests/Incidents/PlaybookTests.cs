using Caduceus.Events;
using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Tests.Incidents;

public sealed class PlaybookTests
{
    [Fact]
    public void Matches_exact_types_prefixes_and_only_the_listed_codes()
    {
        var playbook = new Playbook("p", new PlaybookOptions { EventTypes = ["request.blocked", "anomaly.*"], Codes = ["prompt_injection_detected", "rate"] });

        Assert.True(playbook.Matches(Event("request.blocked", "prompt_injection_detected")));
        Assert.True(playbook.Matches(Event("anomaly.detected", "rate")));
        Assert.False(playbook.Matches(Event("request.blocked", "phi_blocked")));
        Assert.False(playbook.Matches(Event("request.blocked", null)));
        Assert.False(playbook.Matches(Event("request.redacted", "prompt_injection_detected")));
    }

    [Fact]
    public void Groups_by_principal_or_application_and_puts_unknown_subjects_in_one_bucket()
    {
        var byPrincipal = new Playbook("p", new PlaybookOptions { EventTypes = ["x"] });
        var byApplication = new Playbook("a", new PlaybookOptions { EventTypes = ["x"], GroupBy = IncidentGrouping.Application });

        Assert.Equal("key_1", byPrincipal.SubjectOf(Event("x", null)));
        Assert.Equal("portal", byApplication.SubjectOf(Event("x", null)));
        Assert.Equal("unknown", byPrincipal.SubjectOf(Event("x", null) with { Principal = null }));
    }

    [Fact]
    public void Configuration_replaces_a_default_by_name_disables_one_and_adds_its_own()
    {
        var options = new IncidentOptions();
        options.Playbooks["Injection-Burst"] = new PlaybookOptions { EventTypes = ["request.blocked"], Threshold = 10 };
        options.Playbooks[DefaultPlaybooks.ToolAbuse] = new PlaybookOptions { Enabled = false };
        options.Playbooks["night-shift"] = new PlaybookOptions { EventTypes = ["anomaly.*"], Severity = IncidentSeverity.Low };

        var resolved = DefaultPlaybooks.Resolve(options).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(10, resolved[DefaultPlaybooks.InjectionBurst].Threshold);
        Assert.Empty(resolved[DefaultPlaybooks.InjectionBurst].Actions);
        Assert.False(resolved.ContainsKey(DefaultPlaybooks.ToolAbuse));
        Assert.Equal(IncidentSeverity.Low, resolved["night-shift"].Severity);
        Assert.Equal(DefaultPlaybooks.All.Count, resolved.Count);
    }

    private static SecurityEvent Event(string type, string? code) =>
        new("evt_1", DateTimeOffset.UnixEpoch, type, code, "portal", "key_1", "/v1/chat/completions", new Dictionary<string, int>(), []);
}
