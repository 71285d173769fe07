using Caduceus.Gateway.Drills;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Caduceus.Gateway.WebConsole.Drills;

/// <summary><c>/console/drills</c>: the drill schedules with their next run and last scorecard, and running one now (acting roles only).</summary>
internal static class ConsoleDrillsEndpoints
{
    public static Task<IResult> ListAsync(HttpContext context, DrillSchedules schedules, DrillScheduler scheduler, ScheduledDrillRunner runner, IDrillResultStore results) =>
        PageAsync(context, schedules, scheduler, runner, results, null, false, StatusCodes.Status200OK);

    public static async Task<IResult> RunAsync(
        string name, HttpContext context, DrillSchedules schedules, DrillScheduler scheduler, ScheduledDrillRunner runner, IDrillResultStore results, IHostApplicationLifetime lifetime)
    {
        if (schedules.Find(name) is not { } schedule)
        {
            return await PageAsync(context, schedules, scheduler, runner, results, "There is no drill schedule by that name.", true, StatusCodes.Status404NotFound);
        }

        var outcome = await runner.RunAsync(schedule, lifetime.ApplicationStopping);
        var (message, status) = outcome switch
        {
            { AlreadyRunning: true } => ($"Drill {schedule.Name} is running already.", StatusCodes.Status409Conflict),
            { Result: { Passed: true } } => ($"Drill {schedule.Name} passed.", StatusCodes.Status200OK),
            { Result: { } failed } => ($"Drill {schedule.Name} failed: {string.Join("; ", failed.Findings)}. Drill incident {failed.IncidentId}.", StatusCodes.Status200OK),
            _ => ($"Drill {schedule.Name} could not run ({outcome.FailureCode}): {outcome.FailureDetail}.", StatusCodes.Status503ServiceUnavailable),
        };
        return await PageAsync(context, schedules, scheduler, runner, results, message, status != StatusCodes.Status200OK || outcome.Result is { Passed: false }, status);
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, DrillSchedules schedules, DrillScheduler scheduler, ScheduledDrillRunner runner, IDrillResultStore results, string? message, bool isError, int statusCode)
    {
        var latest = (await results.LatestAsync(context.RequestAborted)).ToDictionary(r => r.Schedule, StringComparer.OrdinalIgnoreCase);
        var views = schedules.All
            .Select(s => new DrillScheduleView(
                s.Name, s.CronText, s.Application, s.Suites, s.MinimumStoppedRate, s.MinimumStoppedRates, s.MaxBenignRefusedRate,
                scheduler.NextRunAt(s.Name), runner.IsRunning(s.Name), latest.GetValueOrDefault(s.Name)))
            .ToArray();
        return ConsolePages.Render<DrillsPage>(
            new()
            {
                [nameof(DrillsPage.Chrome)] = ConsolePages.Chrome(context, "Drills", "drills"),
                [nameof(DrillsPage.Schedules)] = views,
                [nameof(DrillsPage.Message)] = message,
                [nameof(DrillsPage.MessageIsError)] = isError,
            },
            statusCode);
    }
}
