using Caduceus.Gateway.Admin;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.ModelInventory;

/// <summary>What the model inventory page needs: the inventory, the step-up, the audit trail and the page itself.</summary>
internal sealed class ConsoleModelsContext(
    IModelInventory inventory,
    IOptions<GatewayOptions> gateway,
    ConsoleSignIn signIn,
    AdminModelLog log,
    IAuditLog audit,
    TimeProvider clock)
{
    public IModelInventory Inventory => inventory;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Step-up, then the change; on success a security event and an audit record, both before the page says so.</summary>
    public async Task<IResult> ChangeAsync(HttpContext context, string change, Func<IModelInventory, Task<ModelInventoryResult>> apply)
    {
        var proof = await ConsoleStepUp.EnsureAsync(context, signIn, ConsoleModelsEndpoints.Route);
        if (!proof.Accepted)
        {
            return await PageAsync(context, proof.Message, true, ConsoleStepUp.StatusFor(proof));
        }

        var result = await apply(inventory);
        if (result.Outcome != ModelInventoryOutcome.Done)
        {
            var status = result.Outcome == ModelInventoryOutcome.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            return await PageAsync(context, "Nothing was changed: " + result.Problem, true, status, steppedUpNow: true);
        }

        var entry = result.Entry!;
        var raised = log.Changed(context, change, entry);
        await ConsoleChangeAudit.AppendAsync(
            audit, ConsoleRequest.RequiredUserOf(context), ConsoleModelsEndpoints.Route, "model_inventory:" + change, entry.Application, entry.Model, raised.Id, clock.GetUtcNow(), context.RequestAborted);
        return await PageAsync(context, $"Model {entry.Model} of application {entry.Application} was {change}.", false, StatusCodes.Status200OK, steppedUpNow: true);
    }

    public async Task<IResult> PageAsync(HttpContext context, string? message, bool isError, int statusCode, ModelEntry? editing = null, bool steppedUpNow = false)
    {
        var user = ConsoleRequest.RequiredUserOf(context);
        var reviewPeriod = gateway.Value.Models.ReviewPeriod;
        var entries = await inventory.ListAsync(context.RequestAborted);
        return ConsolePages.Render<ModelsPage>(
            new()
            {
                [nameof(ModelsPage.Chrome)] = ConsolePages.Chrome(context, "Model inventory", "models"),
                [nameof(ModelsPage.Entries)] = entries.Select(e => ModelEntryView.From(e, Today, reviewPeriod)).ToArray(),
                [nameof(ModelsPage.Applications)] = gateway.Value.Applications.Keys.Order(StringComparer.Ordinal).ToArray(),
                [nameof(ModelsPage.Editing)] = editing is null ? null : ModelEntryView.From(editing, Today, reviewPeriod),
                [nameof(ModelsPage.Today)] = Today.ToString(ModelEntryInput.DateFormat, System.Globalization.CultureInfo.InvariantCulture),
                [nameof(ModelsPage.SteppedUp)] = steppedUpNow || signIn.IsSteppedUp(user),
                [nameof(ModelsPage.Message)] = message,
                [nameof(ModelsPage.MessageIsError)] = isError,
            },
            statusCode);
    }
}
