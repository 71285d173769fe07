using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.Incidents;

/// <summary>An open incident stored straight in a gateway's incident store, for tests that act on one a person opened.</summary>
internal static class ManualIncidents
{
    public static async Task<Incident> CreateAsync(
        GatewayHarness harness, string subject = "key_test", IReadOnlyList<string>? categories = null, DateTimeOffset? openedAt = null)
    {
        var now = openedAt ?? DateTimeOffset.UtcNow;
        var incident = new Incident
        {
            Id = Incident.NewId(),
            Playbook = "manual",
            Subject = subject,
            Application = "default",
            Severity = IncidentSeverity.High,
            Categories = categories ?? ["OWASP LLM01:2025 Prompt Injection"],
            Status = IncidentStatus.Open,
            OpenedAt = now,
            UpdatedAt = now,
        };
        await harness.Services.GetRequiredService<IIncidentStore>().CreateAsync(incident, TestContext.Current.CancellationToken);
        return incident;
    }
}
