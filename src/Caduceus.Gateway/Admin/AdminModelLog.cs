using System.Security.Claims;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Admin;

/// <summary>
/// Each inventory change made through the admin API or the console: a log line and a <c>model_inventory.changed</c> security event
/// (code <c>added</c>, <c>updated</c> or <c>removed</c>) naming the admin's key id and the application; names only.
/// </summary>
internal sealed partial class AdminModelLog(ILogger<AdminModelLog> logger, SecurityEventBus events)
{
    public Caduceus.Events.SecurityEvent Changed(HttpContext context, string change, ModelEntry entry)
    {
        var actor = CallerClaims.KeyIdOf(context.User) ?? "unknown";
        var raised = events.Publish(ModelInventoryCodes.InventoryChangedEvent, change, entry.Application, actor, Endpoints.RequestRoute.Of(context));
        LogChanged(logger, actor, change, entry.Model, entry.Application);
        return raised;
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Admin {Actor} {Change} model {Model} of application {Application} in the inventory")]
    private static partial void LogChanged(ILogger logger, string actor, string change, string model, string application);
}
