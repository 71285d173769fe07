using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Incidents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Caduceus.Gateway.Admin;

/// <summary>
/// <c>/admin/incidents</c>: list, show, report, close, and order a containment action (a dangerous action: it needs
/// a fresh second factor, like revoking a key by hand).
/// </summary>
internal static class AdminIncidentsEndpoints
{
    public static void MapBlocks(RouteGroupBuilder blocks)
    {
        blocks.MapGet("/", ActiveBlocksAsync);
        blocks.MapPost("/{id}/lift", LiftAsync).RequireStepUp(DangerousAdminActions.IncidentContainment);
    }

    public static void Map(RouteGroupBuilder incidents)
    {
        incidents.MapGet("/", ListAsync);
        incidents.MapGet("/{id}", GetAsync);
        incidents.MapGet("/{id}/report", ReportAsync);
        incidents.MapPost("/{id}/close", CloseAsync);
        incidents.MapPost("/{id}/actions", ActAsync).RequireStepUp(DangerousAdminActions.IncidentContainment);
    }

    private static async Task<IResult> ListAsync(bool? all, IIncidentStore store, CancellationToken cancellationToken) =>
        Results.Json(await store.ListAsync(all ?? false, cancellationToken), IncidentJsonContext.Default.IReadOnlyListIncident);

    private static async Task<IResult> GetAsync(string id, IIncidentStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } incident
            ? Results.Json(incident, IncidentJsonContext.Default.Incident)
            : NotFound(id);

    private static async Task<IResult> ReportAsync(string id, IIncidentStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } incident
            ? Results.Text(IncidentReport.ToMarkdown(incident), "text/markdown; charset=utf-8")
            : NotFound(id);

    private static async Task<IResult> CloseAsync(string id, IIncidentStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        return await store.CloseAsync(id, timeProvider.GetUtcNow(), cancellationToken)
            ? Results.Json(await store.GetAsync(id, cancellationToken), IncidentJsonContext.Default.Incident)
            : AdminResults.Problem(StatusCodes.Status409Conflict, "incident_closed", $"Incident '{id}' is already closed.");
    }

    private static async Task<IResult> ActAsync(string id, HttpContext context, IIncidentStore store, IncidentResponder responder)
    {
        var (request, error) = await AdminResults.ReadBodyAsync(context, IncidentJsonContext.Default.IncidentActionRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        if (request!.Action is not { } action || !ContainmentActionNames.All.Contains(action))
        {
            return AdminResults.InvalidRequest($"'action' must be one of: {string.Join(", ", ContainmentActionNames.All)}.");
        }

        if (await store.GetAsync(id, context.RequestAborted) is not { } incident)
        {
            return NotFound(id);
        }

        if (incident.Status == IncidentStatus.Closed)
        {
            return AdminResults.Problem(StatusCodes.Status409Conflict, "incident_closed", $"Incident '{id}' is closed; open a new one to act.");
        }

        var actor = CallerClaims.KeyIdOf(context.User) ?? "unknown";
        var record = await responder.ActAsync(incident, action, actor, context.RequestAborted);
        return Results.Json(record, IncidentJsonContext.Default.IncidentActionRecord);
    }

    private static async Task<IResult> ActiveBlocksAsync(IContainmentStore blocks, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        Results.Json(await blocks.ActiveAsync(timeProvider.GetUtcNow(), cancellationToken), IncidentJsonContext.Default.IReadOnlyListContainmentBlock);

    private static async Task<IResult> LiftAsync(string id, HttpContext context, ContainmentLifting lifting, ActiveContainment active)
    {
        var (block, wasActive) = await lifting.LiftAsync(id, CallerClaims.KeyIdOf(context.User) ?? "unknown", context.RequestAborted);
        if (block is null)
        {
            return AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", $"There is no containment block with id '{id}'.");
        }

        if (!wasActive)
        {
            return AdminResults.Problem(StatusCodes.Status409Conflict, "block_not_active", $"Block '{id}' was already lifted or has expired.");
        }

        active.Invalidate();
        return Results.Json(block, IncidentJsonContext.Default.ContainmentBlock);
    }

    private static IResult NotFound(string id) => AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", $"There is no incident with id '{id}'.");
}
