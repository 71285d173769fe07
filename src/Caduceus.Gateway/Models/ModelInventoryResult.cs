namespace Caduceus.Gateway.Models;

/// <summary>What an inventory change came to; on anything but <see cref="ModelInventoryOutcome.Done"/> nothing was changed.</summary>
public sealed record ModelInventoryResult(ModelInventoryOutcome Outcome, ModelEntry? Entry, string? Problem = null)
{
    public static ModelInventoryResult Done(ModelEntry entry) => new(ModelInventoryOutcome.Done, entry);

    public static ModelInventoryResult NotFound(string application, string model) =>
        new(ModelInventoryOutcome.NotFound, null, $"there is no model '{model}' for application '{application}' in the inventory.");

    public static ModelInventoryResult Conflict(string problem) => new(ModelInventoryOutcome.Conflict, null, problem);
}
