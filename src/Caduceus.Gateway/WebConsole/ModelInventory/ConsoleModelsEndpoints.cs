using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.ModelInventory;

/// <summary>
/// <c>/console/models</c>: the model inventory for everyone; adding, editing and retiring entries for
/// <c>security_admin</c> with a step-up. Changes go through the admin API's path: <see cref="ModelEntryInput"/>
/// validates, <see cref="IModelInventory"/> stores (a refused change changes nothing), <see cref="Admin.AdminModelLog"/>
/// raises <c>model_inventory.changed</c>, and an audit record names who did it.
/// </summary>
internal static class ConsoleModelsEndpoints
{
    public const string Route = "/console/models";

    public static Task<IResult> ListAsync(HttpContext context, ConsoleModelsContext models) =>
        models.PageAsync(context, null, false, StatusCodes.Status200OK);

    public static async Task<IResult> EditAsync(string? application, string? model, HttpContext context, ConsoleModelsContext models)
    {
        var entry = application is null || model is null ? null : await models.Inventory.GetAsync(application, model, context.RequestAborted);
        return entry is null
            ? await models.PageAsync(context, "There is no such model in the inventory.", true, StatusCodes.Status404NotFound)
            : await models.PageAsync(context, null, false, StatusCodes.Status200OK, editing: entry);
    }

    public static async Task<IResult> AddAsync(HttpContext context, ConsoleModelsContext models, IOptions<GatewayOptions> gateway)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!ModelEntryInput.TryCreate(
            gateway.Value, form["application"], form["model"], form["version"], form["owner"], form["intended_use"], YesNo(form["phi_allowed"]),
            form["risk_tier"], form["last_reviewed"], form["default"] == "on", models.Today, out var entry, out var invalid))
        {
            return await models.PageAsync(context, "The model was not added: " + invalid, true, StatusCodes.Status400BadRequest);
        }

        return await models.ChangeAsync(context, "added", inventory => inventory.AddAsync(entry, context.RequestAborted));
    }

    public static async Task<IResult> UpdateAsync(HttpContext context, ConsoleModelsContext models)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string application = form["application"].ToString(), model = form["model"].ToString();
        if (!ModelEntryInput.TryChange(
            NullIfEmpty(form["version"]), form["owner"], form["intended_use"], YesNo(form["phi_allowed"]), form["risk_tier"], form["last_reviewed"], form["default"] == "on",
            models.Today, out var change, out var invalid))
        {
            var current = await models.Inventory.GetAsync(application, model, context.RequestAborted);
            return await models.PageAsync(context, "The model was not changed: " + invalid, true, StatusCodes.Status400BadRequest, editing: current);
        }

        return await models.ChangeAsync(context, "updated", inventory => inventory.UpdateAsync(application, model, change, context.RequestAborted));
    }

    public static async Task<IResult> RetireAsync(HttpContext context, ConsoleModelsContext models)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string application = form["application"].ToString(), model = form["model"].ToString();
        return await models.ChangeAsync(context, "removed", inventory => inventory.RemoveAsync(application, model, context.RequestAborted));
    }

    // An edit form always sends every field; an empty optional one means "leave it", not "set it to nothing".
    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}
