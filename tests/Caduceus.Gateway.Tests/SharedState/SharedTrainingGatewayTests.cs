using System.Net;
using System.Text.Json;
using Caduceus.Gateway.Compliance;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Training;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>
/// The training register, drill results and compliance report on two gateway instances sharing one PostgreSQL
/// database (<c>State:Store = postgres</c>), over real HTTP, and the CLI's reporter on the same configuration.
/// </summary>
public sealed class SharedTrainingGatewayTests : IAsyncLifetime
{
    private const string NewKey = """{"application":"default","roles":["clinician"]}""";

    private SharedStateFleet? _fleet;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _fleet = await SharedStateFleet.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _fleet!.DisposeAsync();
    }

    [Fact]
    public async Task Training_recorded_through_one_instance_lifts_the_training_refusal_of_an_admin_on_the_other()
    {
        await using var first = await GatewayHarness.StartAsync(settings: Settings());
        await using var second = await GatewayHarness.StartAsync(settings: Settings());
        using var recorder = await AdminPerson.SignedInAsync(first);
        using var person = await AdminPerson.SignedInAsync(second);
        await RegisterAsync(recorder, person.KeyId);

        using var refused = await person.Http.PostAsync("admin/keys", Requests.Json(NewKey), Cancel);
        await Problems.AssertAsync(refused, HttpStatusCode.Forbidden, TrainingCodes.TrainingLapsed);

        await CompleteEveryCourseAsync(recorder, person.KeyId);
        using var allowed = await person.Http.PostAsync("admin/keys", Requests.Json(NewKey), Cancel);
        using var people = await person.Http.GetAsync("admin/training/people", Cancel);

        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        var listed = Assert.Single((await Requests.BodyAsync(people)).GetProperty("people").EnumerateArray());
        Assert.Equal(person.KeyId, listed.GetProperty("id").GetString());
        Assert.False(listed.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_drill_result_saved_by_one_instance_is_listed_by_the_other()
    {
        await using var first = await GatewayHarness.StartAsync(settings: Settings());
        await using var second = await GatewayHarness.StartAsync(settings: Settings());
        var result = DrillResultRun(DateTimeOffset.UtcNow.AddHours(-1));

        await first.Services.GetRequiredService<IDrillResultStore>().SaveAsync(result, """{"suite":"default"}""", Cancel);

        var results = second.Services.GetRequiredService<IDrillResultStore>();
        Assert.Equal([result.Id], (await results.LatestAsync(Cancel)).Select(r => r.Id));
        Assert.Equal("""{"suite":"default"}""", await results.LatestScorecardAsync("nightly", Cancel));
    }

    [Fact]
    public async Task The_cli_reporter_on_the_shared_configuration_shows_what_one_instance_recorded_as_the_other_instance_reports_it()
    {
        await using var first = await GatewayHarness.StartAsync(settings: Settings());
        await using var second = await GatewayHarness.StartAsync(settings: Settings());
        using var recorder = await AdminPerson.SignedInAsync(first);
        await RegisterAsync(recorder, "console:bob");
        await CompleteEveryCourseAsync(recorder, "console:bob");
        await first.Services.GetRequiredService<IDrillResultStore>().SaveAsync(DrillResultRun(DateTimeOffset.UtcNow.AddHours(-1)), "{}", Cancel);
        using var admin = await AdminPerson.SignedInAsync(second);

        var fromCli = await CliReportAsync("nist-ai-rmf");
        using var fromSecond = await admin.Http.GetAsync("admin/reports/nist-ai-rmf", Cancel);

        Assert.Equal(HttpStatusCode.OK, fromSecond.StatusCode);
        var endpoint = (await Requests.BodyAsync(fromSecond)).GetProperty("controls");
        foreach (var id in new[] { "GOVERN 2.2", "MEASURE 2.7" })
        {
            var control = Assert.Single(fromCli.Controls, c => c.Id == id);
            Assert.True(control.Status == ControlStatus.Pass, control.Reason);
            var shown = Assert.Single(endpoint.EnumerateArray(), c => c.GetProperty("id").GetString() == id);
            Assert.Equal(
                control.Evidence.Select(e => (e.Name, e.Value)),
                shown.GetProperty("evidence").EnumerateArray().Select(e => (e.GetProperty("name").GetString()!, e.GetProperty("value").GetString()!)));
        }

        var training = Assert.Single(fromCli.Controls, c => c.Id == "GOVERN 2.2").Evidence;
        Assert.Contains(new EvidenceItem("people with training records", "1"), training);
        Assert.Contains(new EvidenceItem("training current", "1"), training);
        Assert.Contains(
            new EvidenceItem("scored drill runs in the last 90 days", "1"), Assert.Single(fromCli.Controls, c => c.Id == "MEASURE 2.7").Evidence);
    }

    /// <summary>What <c>caduceus report</c> runs: the reporter over the records the configuration selects, from a data directory of its own.</summary>
    private async Task<ComplianceReport> CliReportAsync(string framework)
    {
        var settings = Settings();
        settings["DataDirectory"] = Directory.CreateDirectory(Path.Combine(_fleet!.Directory, "cli")).FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var database = new GatewayDatabase(Microsoft.Extensions.Options.Options.Create(new GatewayOptions { DataDirectory = settings["DataDirectory"]! }));
        await using var reporter = ComplianceReporter.ForDatabase(configuration, database, TimeProvider.System, "tests");
        return await reporter.CreateAsync(ComplianceFrameworks.Find(framework)!, Cancel);
    }

    private Dictionary<string, string?> Settings() =>
        _fleet!.Settings(new Dictionary<string, string?> { ["Training:EnforceForAdminActions"] = "true" });

    private static async Task RegisterAsync(AdminPerson recorder, string id)
    {
        var body = JsonSerializer.Serialize(new { id, display_name = "Staff member", roles = new[] { TrainingRoles.Admin } });
        using var added = await recorder.Http.PutAsync("admin/training/people", Requests.Json(body), Cancel);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
    }

    private static async Task CompleteEveryCourseAsync(AdminPerson recorder, string id)
    {
        foreach (var course in TrainingOptions.DefaultCourses())
        {
            using var recorded = await recorder.Http.PostAsync(
                "admin/training/completions", Requests.Json(JsonSerializer.Serialize(new { person = id, course = course.Id })), Cancel);
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }
    }

    private static DrillResult DrillResultRun(DateTimeOffset startedAt) => new()
    {
        Id = DrillResult.NewId(),
        Schedule = "nightly",
        Application = "default",
        StartedAt = startedAt,
        DurationSeconds = 4.2,
        Passed = true,
        Categories = new Dictionary<string, DrillCategoryResult> { ["LLM01"] = new("Prompt Injection", 20, 20, 1.0, 0.95) },
        BenignTotal = 10,
        BenignRefused = 0,
        MaxBenignRefusedRate = 0.1,
        Findings = [],
        EventId = "evt_" + Guid.NewGuid().ToString("N"),
    };
}
