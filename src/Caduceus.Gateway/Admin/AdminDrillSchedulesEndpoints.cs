using Caduceus.Gateway.Drills;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Caduceus.Gateway.Admin;

/// <summary>
/// <c>/admin/drills/schedules</c>: the configured drill schedules with their next run and last result, a schedule's
/// last full scorecard, and running a schedule now.
/// </summary>
internal static class AdminDrillSchedulesEndpoints
{
    public static void Map(RouteGroupBuilder schedules)
    {
        schedules.MapGet("/", ListAsync);
        schedules.MapGet("/{name}", GetAsync);
        schedules.MapGet("/{name}/scorecard", ScorecardAsync);
        schedules.MapPost("/{name}/run", RunAsync);
    }

    private static async Task<IResult> ListAsync(DrillSchedules schedules, DrillScheduler scheduler, ScheduledDrillRunner runner, IDrillResultStore results, CancellationToken cancellationToken)
    {
        var latest = (await results.LatestAsync(cancellationToken)).ToDictionary(r => r.Schedule, StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<DrillScheduleView> views = [.. schedules.All.Select(s => View(s, scheduler, runner, latest.GetValueOrDefault(s.Name)))];
        return Results.Json(views, DrillJsonContext.Default.IReadOnlyListDrillScheduleView);
    }

    private static async Task<IResult> GetAsync(string name, DrillSchedules schedules, DrillScheduler scheduler, ScheduledDrillRunner runner, IDrillResultStore results, CancellationToken cancellationToken) =>
        schedules.Find(name) is { } schedule
            ? Results.Json(View(schedule, scheduler, runner, await results.LatestAsync(schedule.Name, cancellationToken)), DrillJsonContext.Default.DrillScheduleView)
            : NotFound();

    private static async Task<IResult> ScorecardAsync(string name, DrillSchedules schedules, IDrillResultStore results, CancellationToken cancellationToken)
    {
        if (schedules.Find(name) is not { } schedule)
        {
            return NotFound();
        }

        return await results.LatestScorecardAsync(schedule.Name, cancellationToken) is { } json
            ? Results.Text(json, "application/json; charset=utf-8")
            : AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", $"Drill schedule '{schedule.Name}' has not run yet.");
    }

    private static async Task<IResult> RunAsync(string name, DrillSchedules schedules, ScheduledDrillRunner runner, IHostApplicationLifetime lifetime)
    {
        if (schedules.Find(name) is not { } schedule)
        {
            return NotFound();
        }

        // The run goes on if the person's client leaves: a drill cut off halfway would leave nothing to compare.
        var outcome = await runner.RunAsync(schedule, lifetime.ApplicationStopping);
        if (outcome.AlreadyRunning)
        {
            return AdminResults.Problem(StatusCodes.Status409Conflict, "drill_running", $"Drill schedule '{schedule.Name}' is running already; its result will be in GET /admin/drills/schedules.");
        }

        return outcome.Result is { } result
            ? Results.Json(result, DrillJsonContext.Default.DrillResult)
            : AdminResults.Problem(StatusCodes.Status503ServiceUnavailable, "drill_failed", $"Drill schedule '{schedule.Name}' could not run ({outcome.FailureCode}): {outcome.FailureDetail}.");
    }

    private static DrillScheduleView View(DrillSchedule schedule, DrillScheduler scheduler, ScheduledDrillRunner runner, DrillResult? last) => new(
        schedule.Name,
        schedule.CronText,
        schedule.Application,
        schedule.Suites,
        schedule.MinimumStoppedRate,
        schedule.MinimumStoppedRates,
        schedule.MaxBenignRefusedRate,
        scheduler.NextRunAt(schedule.Name),
        runner.IsRunning(schedule.Name),
        last);

    // The unknown name is not echoed: it is whatever the client put in the path.
    private static IResult NotFound() =>
        AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", "There is no drill schedule by that name; GET /admin/drills/schedules lists them.");
}
