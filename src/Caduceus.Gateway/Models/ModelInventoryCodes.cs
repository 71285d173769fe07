namespace Caduceus.Gateway.Models;

/// <summary>Refusal codes and security event types of the model inventory.</summary>
public static class ModelInventoryCodes
{
    /// <summary>The request's (application, model) is not in the inventory, or it names no model and the application has no default.</summary>
    public const string ModelNotInInventory = "model_not_in_inventory";

    /// <summary>The request carries PHI and the inventory says PHI may not reach the model.</summary>
    public const string PhiNotAllowedForModel = "phi_not_allowed_for_model";

    /// <summary>A model in use has not been reviewed within <c>Models:ReviewPeriod</c>. A warning: the request goes on.</summary>
    public const string ReviewOverdueEvent = "model.review_overdue";

    /// <summary>An admin added, changed or removed an inventory entry.</summary>
    public const string InventoryChangedEvent = "model_inventory.changed";
}
