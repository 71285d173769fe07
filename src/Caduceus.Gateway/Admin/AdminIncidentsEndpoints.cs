using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
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
        incidents.MapPost("/{id}/notification", RecordNotificationAsync);
    }

    public static void MapDrills(RouteGroupBuilder drills)
    {
        drills.MapGet("/", ListDrillsAsync);
        drills.MapPost("/", StartDrillAsync);
        drills.MapDelete("/{id}", EndDrillAsync);
    }

    private static async Task<IResult> ListAsync(bool? all, IIncidentStore store, CancellationToken cancellationToken) =>
        Results.Json(await store.ListAsync(all ?? false, cancellationToken), IncidentJsonContext.Default.IReadOnlyListIncident);

    private static async Task<IResult> GetAsync(string id, IIncidentStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } incident
            ? Results.Json(incident, IncidentJsonContext.Default.Incident)
            : NotFound(id);

    private static async Task<IResult> ReportAsync(string id, string? format, IIncidentStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (format is not (null or "markdown" or "html"))
        {
            return AdminResults.InvalidRequest("'format' must be markdown or html.");
        }

        if (await store.GetAsync(id, cancellationToken) is not { } incident)
        {
            return NotFound(id);
        }

        var now = timeProvider.GetUtcNow();
        return format == "html"
            ? Results.Text(IncidentReport.ToHtml(incident, now), "text/html; charset=utf-8")
            : Results.Text(IncidentReport.ToMarkdown(incident, now), "text/markdown; charset=utf-8");
    }

    private static async Task<IResult> RecordNotificationAsync(string id, HttpContext context, IIncidentStore store, IncidentResponder responder, TimeProvider timeProvider)
    {
        var (request, error) = await AdminResults.ReadBodyAsync(context, IncidentJsonContext.Default.IncidentNotificationRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        var now = timeProvider.GetUtcNow();
        if (string.IsNullOrWhiteSpace(request!.Note) || request.Note.Length > 500)
        {
            return AdminResults.InvalidRequest("'note' must say to whom notice went, or why none is due (1 to 500 characters, no PHI).");
        }

        if (request.NotifiedAt is { } at && at > now + TimeSpan.FromMinutes(5))
        {
            return AdminResults.InvalidRequest("'notified_at' must not be in the future.");
        }

        if (await store.GetAsync(id, context.RequestAborted) is not { } incident)
        {
            return NotFound(id);
        }

        if (!incident.IsBreachCandidate)
        {
            return AdminResults.Problem(StatusCodes.Status409Conflict, "not_a_breach_candidate", $"Incident '{id}' is not a possible breach; it has no notification clock.");
        }

        await responder.RecordNotificationAsync(incident, request.NotifiedAt ?? now, request.Note.Trim(), CallerClaims.KeyIdOf(context.User) ?? "unknown", context.RequestAborted);
        return Results.Json(await store.GetAsync(id, context.RequestAborted), IncidentJsonContext.Default.Incident);
    }

    private static async Task<IResult> ListDrillsAsync(bool? all, IDrillStore drills, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        Results.Json(await drills.ListAsync(all ?? false, timeProvider.GetUtcNow(), cancellationToken), IncidentJsonContext.Default.IReadOnlyListDrill);

    private static async Task<IResult> StartDrillAsync(HttpContext context, DrillRegistry registry)
    {
        var (request, error) = await AdminResults.ReadBodyAsync(context, IncidentJsonContext.Default.DrillRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(request!.Principal) || request.Principal.Length > 200)
        {
            return AdminResults.InvalidRequest("'principal' must name the key id (or identity) whose traffic is the drill.");
        }

        if (string.IsNullOrWhiteSpace(request.Label) || request.Label.Length > 200)
        {
            return AdminResults.InvalidRequest("'label' must say what the drill is (1 to 200 characters).");
        }

        if (!DurationText.TryParse(request.Duration ?? "1h", out var duration, out var durationError) || duration > DrillRegistry.MaxDuration)
        {
            return AdminResults.InvalidRequest($"'duration' {durationError ?? "must be at most 24h"}.");
        }

        var drill = await registry.StartAsync(request.Principal, request.Label.Trim(), duration, CallerClaims.KeyIdOf(context.User) ?? "unknown", context.RequestAborted);
        return Results.Json(drill, IncidentJsonContext.Default.Drill, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> EndDrillAsync(string id, HttpContext context, DrillRegistry registry) =>
        await registry.EndAsync(id, CallerClaims.KeyIdOf(context.User) ?? "unknown", context.RequestAborted)
            ? Results.NoContent()
            : AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", $"There is no running drill with id '{id}'.");

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

        var order = new ContainmentOrder(action, request.Argument);
        if (order.Problem() is { } problem)
        {
            return AdminResults.InvalidRequest(problem + ".");
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
        var result = await responder.ActAsync(incident, order, actor, context.RequestAborted);
        return Results.Json(result.Record, IncidentJsonContext.Default.IncidentActionRecord);
    }

    private static async Task<IResult> ActiveBlocksAsync(IContainmentStore blocks, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        Results.Json(await blocks.ActiveAsync(timeProvider.GetUtcNow(), cancellationToken), IncidentJsonContext.Default.IReadOnlyListContainmentBlock);

    private static async Task<IResult> LiftAsync(string id, HttpContext context, ContainmentLifting lifting)
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

        return Results.Json(block, IncidentJsonContext.Default.ContainmentBlock);
    }

    private static IResult NotFound(string id) => AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", $"There is no incident with id '{id}'.");
}
