using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.SharedState;
using Npgsql;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>
/// Opening an incident on the shared PostgreSQL database is atomic: instances that reach a playbook's threshold for
/// the same subject at the same moment end with one open incident, not one each.
/// </summary>
public sealed class PostgresIncidentOpeningTests : IAsyncLifetime
{
    private readonly PostgresStateFixture _fixture = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _fixture.InitializeAsync();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Parallel_opens_for_one_playbook_and_subject_through_several_instances_store_one_incident()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresIncidentStore(_fixture.OpenSecond())).ToArray();
        await Task.WhenAll(stores.Select(s => s.FindOpenAsync("injection-burst", "warm-up", Cancel)));
        var incidents = Enumerable.Range(0, 8).Select(_ => NewIncident("injection-burst", "key_a")).ToArray();

        var attempts = incidents.Select((incident, i) => Outcome(stores[i % stores.Length].CreateAsync(incident, Cancel))).ToArray();
        var outcomes = await Task.WhenAll(attempts);

        var created = outcomes.Where(o => o is null).ToArray();
        Assert.Single(created);
        var winner = incidents[Array.IndexOf(outcomes, null)].Id;
        Assert.All(outcomes.OfType<IncidentAlreadyOpenException>(), twin => Assert.Equal(winner, twin.IncidentId));
        Assert.Equal(7, outcomes.OfType<IncidentAlreadyOpenException>().Count());
        Assert.Equal(1L, await CountOpenAsync("key_a"));
    }

    [Fact]
    public async Task Another_playbook_or_subject_and_a_closed_incident_do_not_stop_an_open()
    {
        var store = new PostgresIncidentStore(_fixture.Database);
        var closed = NewIncident("injection-burst", "key_b");
        await store.CreateAsync(closed, Cancel);
        await store.CloseAsync(closed.Id, DateTimeOffset.UtcNow, Cancel);

        await store.CreateAsync(NewIncident("injection-burst", "key_b"), Cancel);
        await store.CreateAsync(NewIncident("anomaly", "key_b"), Cancel);
        await store.CreateAsync(NewIncident("injection-burst", "key_c"), Cancel);

        Assert.Equal(2L, await CountOpenAsync("key_b"));
    }

    private static async Task<Exception?> Outcome(Task create)
    {
        try
        {
            await create;
            return null;
        }
        catch (IncidentAlreadyOpenException twin)
        {
            return twin;
        }
    }

    private static Incident NewIncident(string playbook, string subject) => new()
    {
        Id = Incident.NewId(),
        Playbook = playbook,
        Subject = subject,
        Application = "default",
        Severity = IncidentSeverity.High,
        Categories = ["OWASP LLM01:2025 Prompt Injection"],
        Status = IncidentStatus.Open,
        OpenedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    private async Task<long> CountOpenAsync(string subject)
    {
        await using var connection = await _fixture.Database.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM incidents WHERE subject = @subject AND status <> 'Closed'", connection);
        command.Parameters.AddWithValue("subject", subject);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
