using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Admin;

/// <summary>
/// <c>/admin/models</c>: list, show, add, change and remove model inventory entries. Changes are dangerous actions
/// (step-up); a duplicate or a second default is 409, and a refused change changes nothing. Model names may hold
/// slashes (<c>meta-llama/Llama-3.1-8B</c>), so the model is the rest of the path.
/// </summary>
internal static class AdminModelsEndpoints
{
    public static void Map(RouteGroupBuilder models)
    {
        models.MapGet("/", ListAsync);
        models.MapPost("/", CreateAsync).RequireStepUp(DangerousAdminActions.ModelInventoryChange);
        models.MapGet("/{application}/{**model}", GetAsync);
        models.MapPatch("/{application}/{**model}", UpdateAsync).RequireStepUp(DangerousAdminActions.ModelInventoryChange);
        models.MapDelete("/{application}/{**model}", RemoveAsync).RequireStepUp(DangerousAdminActions.ModelInventoryChange);
    }

    private static async Task<IResult> ListAsync(IModelInventory inventory, IOptions<ModelInventoryOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var today = Today(timeProvider);
        var entries = await inventory.ListAsync(cancellationToken);
        return Results.Json(
            new ModelListView(entries.Select(e => ModelEntryView.From(e, today, options.Value.ReviewPeriod)).ToArray()), ModelJsonContext.Default.ModelListView);
    }

    private static async Task<IResult> GetAsync(
        string application, string model, IModelInventory inventory, IOptions<ModelInventoryOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var entry = await inventory.GetAsync(application, model, cancellationToken);
        return entry is null ? NotFound(application, model) : View(entry, options.Value, timeProvider, StatusCodes.Status200OK);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, IModelInventory inventory, IOptions<GatewayOptions> gateway, TimeProvider timeProvider, AdminModelLog log)
    {
        var (request, error) = await AdminResults.ReadBodyAsync(context, AdminModelJsonContext.Default.CreateModelRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        if (!ModelEntryInput.TryCreate(
            gateway.Value, request!.Application, request.Model, request.Version, request.Owner, request.IntendedUse, request.PhiAllowed,
            request.RiskTier, request.LastReviewed, request.Default ?? false, Today(timeProvider), out var entry, out var invalid))
        {
            return AdminResults.InvalidRequest(Capitalize(invalid));
        }

        var result = await inventory.AddAsync(entry, context.RequestAborted);
        if (result.Outcome != ModelInventoryOutcome.Done)
        {
            return Failed(result);
        }

        log.Changed(context, "added", result.Entry!);
        context.Response.Headers.Location = $"{AdminApi.Prefix}/models/{Uri.EscapeDataString(entry.Application)}/{entry.Model}";
        return View(result.Entry!, gateway.Value.Models, timeProvider, StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(
        string application, string model, HttpContext context, IModelInventory inventory, IOptions<ModelInventoryOptions> options, TimeProvider timeProvider, AdminModelLog log)
    {
        var (request, error) = await AdminResults.ReadBodyAsync(context, AdminModelJsonContext.Default.UpdateModelRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        if (!ModelEntryInput.TryChange(
            request!.Version, request.Owner, request.IntendedUse, request.PhiAllowed, request.RiskTier, request.LastReviewed, request.Default,
            Today(timeProvider), out var change, out var invalid))
        {
            return AdminResults.InvalidRequest(Capitalize(invalid));
        }

        var result = await inventory.UpdateAsync(application, model, change, context.RequestAborted);
        if (result.Outcome != ModelInventoryOutcome.Done)
        {
            return Failed(result);
        }

        log.Changed(context, "updated", result.Entry!);
        return View(result.Entry!, options.Value, timeProvider, StatusCodes.Status200OK);
    }

    private static async Task<IResult> RemoveAsync(
        string application, string model, HttpContext context, IModelInventory inventory, IOptions<ModelInventoryOptions> options, TimeProvider timeProvider, AdminModelLog log)
    {
        var result = await inventory.RemoveAsync(application, model, context.RequestAborted);
        if (result.Outcome != ModelInventoryOutcome.Done)
        {
            return Failed(result);
        }

        log.Changed(context, "removed", result.Entry!);
        return View(result.Entry!, options.Value, timeProvider, StatusCodes.Status200OK);
    }

    private static IResult Failed(ModelInventoryResult result) => result.Outcome == ModelInventoryOutcome.NotFound
        ? AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", Capitalize(result.Problem!))
        : AdminResults.Problem(StatusCodes.Status409Conflict, "model_conflict", Capitalize(result.Problem!));

    private static IResult NotFound(string application, string model) =>
        AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", Capitalize(ModelInventoryResult.NotFound(application, model).Problem!));

    private static IResult View(ModelEntry entry, ModelInventoryOptions options, TimeProvider timeProvider, int statusCode) =>
        Results.Json(ModelEntryView.From(entry, Today(timeProvider), options.ReviewPeriod), ModelJsonContext.Default.ModelEntryView, statusCode: statusCode);

    private static DateOnly Today(TimeProvider timeProvider) => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);

    private static string Capitalize(string message) => char.ToUpperInvariant(message[0]) + message[1..];
}
