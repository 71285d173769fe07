using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Incidents;

/// <summary>
/// <c>/console/incidents</c>: the list with active containment blocks, one incident's timeline, its report as a
/// download, and (for <c>security_admin</c>, with a step-up code) containment actions, lifting blocks and closing.
/// Everything goes through the incident module's own store, responder and lifting.
/// </summary>
internal static class ConsoleIncidentsEndpoints
{
    public static async Task<IResult> ListAsync(HttpContext context, IIncidentStore incidents, IContainmentStore blocks, ConsoleSignIn signIn, TimeProvider clock) =>
        await ListPageAsync(context, incidents, blocks, signIn, clock, null, false, StatusCodes.Status200OK);

    public static async Task<IResult> ShowAsync(string id, HttpContext context, IIncidentStore incidents, ConsoleSignIn signIn) =>
        await incidents.GetAsync(id, context.RequestAborted) is { } incident
            ? IncidentPage(context, incident, signIn.IsSteppedUp(ConsoleRequest.RequiredUserOf(context)), null, false, StatusCodes.Status200OK)
            : NotFound(context, id);

    public static async Task<IResult> ReportAsync(string id, HttpContext context, IIncidentStore incidents, TimeProvider clock)
    {
        if (await incidents.GetAsync(id, context.RequestAborted) is not { } incident)
        {
            return NotFound(context, id);
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{incident.Id}.md\"";
        return Results.Text(IncidentReport.ToMarkdown(incident, clock.GetUtcNow()), "text/markdown; charset=utf-8");
    }

    public static async Task<IResult> ActAsync(string id, HttpContext context, IIncidentStore incidents, IncidentResponder responder, ConsoleSignIn signIn)
    {
        if (await incidents.GetAsync(id, context.RequestAborted) is not { } incident)
        {
            return NotFound(context, id);
        }

        var action = (await context.Request.ReadFormAsync(context.RequestAborted))["action"].ToString();
        if (!ContainmentActionNames.All.Contains(action))
        {
            return IncidentPage(context, incident, false, $"Choose one of: {string.Join(", ", ContainmentActionNames.All.Order(StringComparer.Ordinal))}.", true, StatusCodes.Status400BadRequest);
        }

        if (incident.Status == IncidentStatus.Closed)
        {
            return IncidentPage(context, incident, false, "This incident is closed; a new one opens if the attack goes on.", true, StatusCodes.Status409Conflict);
        }

        var proof = await ConsoleStepUp.EnsureAsync(context, signIn, "/console/incidents/actions");
        if (!proof.Accepted)
        {
            return IncidentPage(context, incident, false, proof.Message, true, ConsoleStepUp.StatusFor(proof));
        }

        var (record, _) = await responder.ActAsync(incident, new ContainmentOrder(action), ConsoleRequest.RequiredUserOf(context).Account.Principal, context.RequestAborted);
        var updated = await incidents.GetAsync(id, context.RequestAborted) ?? incident;
        return IncidentPage(context, updated, true, $"{record.Action} on {record.Target}: {record.Outcome}", false, StatusCodes.Status200OK);
    }

    public static async Task<IResult> CloseAsync(string id, HttpContext context, IIncidentStore incidents, ConsoleSignIn signIn, TimeProvider clock)
    {
        if (await incidents.GetAsync(id, context.RequestAborted) is not { } incident)
        {
            return NotFound(context, id);
        }

        var closed = await incidents.CloseAsync(id, clock.GetUtcNow(), context.RequestAborted);
        var updated = await incidents.GetAsync(id, context.RequestAborted) ?? incident;
        var steppedUp = signIn.IsSteppedUp(ConsoleRequest.RequiredUserOf(context));
        return closed
            ? IncidentPage(context, updated, steppedUp, "The incident is closed.", false, StatusCodes.Status200OK)
            : IncidentPage(context, updated, steppedUp, "The incident was already closed.", true, StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> LiftAsync(
        string id, HttpContext context, ContainmentLifting lifting, IIncidentStore incidents, IContainmentStore blocks, ConsoleSignIn signIn, TimeProvider clock)
    {
        var proof = await ConsoleStepUp.EnsureAsync(context, signIn, "/console/blocks/lift");
        if (!proof.Accepted)
        {
            return await ListPageAsync(context, incidents, blocks, signIn, clock, proof.Message, true, ConsoleStepUp.StatusFor(proof));
        }

        var (block, wasActive) = await lifting.LiftAsync(id, ConsoleRequest.RequiredUserOf(context).Account.Principal, context.RequestAborted);
        var (message, isError, status) = block is null
            ? ($"There is no containment block with id '{id}'.", true, StatusCodes.Status404NotFound)
            : wasActive ? ($"Block {id} is lifted.", false, StatusCodes.Status200OK) : ($"Block {id} was already lifted or has expired.", true, StatusCodes.Status409Conflict);
        return await ListPageAsync(context, incidents, blocks, signIn, clock, message, isError, status, steppedUpNow: true);
    }

    private static async Task<IResult> ListPageAsync(
        HttpContext context, IIncidentStore incidents, IContainmentStore blocks, ConsoleSignIn signIn, TimeProvider clock, string? message, bool isError, int statusCode, bool steppedUpNow = false)
    {
        var all = context.Request.Query["all"] == "true";
        return ConsolePages.Render<IncidentsPage>(
            new()
            {
                [nameof(IncidentsPage.Chrome)] = ConsolePages.Chrome(context, "Incidents", "incidents"),
                [nameof(IncidentsPage.Incidents)] = await incidents.ListAsync(all, context.RequestAborted),
                [nameof(IncidentsPage.Blocks)] = await blocks.ActiveAsync(clock.GetUtcNow(), context.RequestAborted),
                [nameof(IncidentsPage.ShowingClosed)] = all,
                [nameof(IncidentsPage.SteppedUp)] = steppedUpNow || signIn.IsSteppedUp(ConsoleRequest.RequiredUserOf(context)),
                [nameof(IncidentsPage.Message)] = message,
                [nameof(IncidentsPage.MessageIsError)] = isError,
            },
            statusCode);
    }

    private static IResult IncidentPage(HttpContext context, Incident incident, bool steppedUp, string? message, bool isError, int statusCode) =>
        ConsolePages.Render<IncidentPage>(
            new()
            {
                [nameof(Pages.IncidentPage.Chrome)] = ConsolePages.Chrome(context, "Incident " + incident.Id, "incidents"),
                [nameof(Pages.IncidentPage.Incident)] = incident,
                [nameof(Pages.IncidentPage.SteppedUp)] = steppedUp,
                [nameof(Pages.IncidentPage.Message)] = message,
                [nameof(Pages.IncidentPage.MessageIsError)] = isError,
            },
            statusCode);

    private static IResult NotFound(HttpContext context, string id) =>
        ConsolePages.Message(context, StatusCodes.Status404NotFound, "Not found", $"There is no incident with id '{id}'.", "/console/incidents");
}
