using System.Net;
using Caduceus.Events;
using Caduceus.Gateway.Tests.Drills;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Admin;

/// <summary><c>/admin/drills/schedules</c> over real HTTP: admin role and MFA session, 404 for unknown names.</summary>
public sealed class AdminDrillSchedulesEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_now_and_the_schedule_list_refuse_a_service_key_with_403_and_run_nothing()
    {
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("system-prompt-leakage"));

        using var run = await gateway.Harness.Http.PostAsync("admin/drills/schedules/nightly/run", null, Cancel);
        using var list = await gateway.Harness.Http.GetAsync("admin/drills/schedules", Cancel);

        await Problems.AssertAsync(run, HttpStatusCode.Forbidden, "role_not_allowed");
        await Problems.AssertAsync(list, HttpStatusCode.Forbidden, "role_not_allowed");
        Assert.DoesNotContain(gateway.Harness.Events.Snapshot(), e => e.Type.StartsWith("drill.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_without_an_mfa_session_is_refused()
    {
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("system-prompt-leakage"));
        using var person = await AdminPerson.CreateAsync(gateway.Harness);

        using var run = await person.Http.PostAsync("admin/drills/schedules/nightly/run", null, Cancel);

        await Problems.AssertAsync(run, HttpStatusCode.Unauthorized, "mfa_required");
    }

    [Fact]
    public async Task Unknown_schedule_names_are_a_404_problem_that_does_not_echo_the_name()
    {
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("system-prompt-leakage"));
        using var person = await AdminPerson.SignedInAsync(gateway.Harness);

        foreach (var (method, path) in new[] { (HttpMethod.Post, "admin/drills/schedules/536-22-1843/run"), (HttpMethod.Get, "admin/drills/schedules/536-22-1843"), (HttpMethod.Get, "admin/drills/schedules/536-22-1843/scorecard") })
        {
            using var response = await person.Http.SendAsync(new HttpRequestMessage(method, path), Cancel);
            var problem = await Problems.AssertAsync(response, HttpStatusCode.NotFound, "not_found");
            Assert.DoesNotContain("536-22-1843", problem.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_admin_runs_a_schedule_now_and_sees_its_next_run_last_result_and_scorecard()
    {
        await using var gateway = await DrillGateway.StartAsync(DrillGateway.Settings("system-prompt-leakage"));
        using var person = await AdminPerson.SignedInAsync(gateway.Harness);
        using var before = await person.Http.GetAsync("admin/drills/schedules/nightly/scorecard", Cancel);

        using var run = await person.Http.PostAsync("admin/drills/schedules/NIGHTLY/run", null, Cancel);
        using var list = await person.Http.GetAsync("admin/drills/schedules", Cancel);
        using var scorecard = await person.Http.GetAsync("admin/drills/schedules/nightly/scorecard", Cancel);

        await Problems.AssertAsync(before, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var result = await Requests.BodyAsync(run);
        Assert.True(result.GetProperty("passed").GetBoolean());
        Assert.Equal(50, result.GetProperty("benign_total").GetInt32());
        var schedule = Assert.Single((await Requests.BodyAsync(list)).EnumerateArray());
        Assert.Equal("nightly", schedule.GetProperty("name").GetString());
        Assert.Equal("0 3 * * *", schedule.GetProperty("cron").GetString());
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 3, 0, 0, TimeSpan.Zero), schedule.GetProperty("next_run_at").GetDateTimeOffset());
        Assert.False(schedule.GetProperty("running").GetBoolean());
        Assert.Equal(result.GetProperty("id").GetString(), schedule.GetProperty("last_result").GetProperty("id").GetString());
        var card = await Requests.BodyAsync(scorecard);
        Assert.Equal(
            result.GetProperty("categories").GetProperty("LLM07").GetProperty("attempts").GetInt32(),
            card.GetProperty("categories").GetProperty("LLM07").GetProperty("attempts").GetInt32());
        Assert.Single(gateway.Harness.Events.Snapshot(), e => e.Type == SecurityEventTypes.DrillCompleted);
    }
}
