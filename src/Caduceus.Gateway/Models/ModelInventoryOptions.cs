namespace Caduceus.Gateway.Models;

/// <summary>The model inventory and model file integrity (<c>Models</c>).</summary>
public sealed class ModelInventoryOptions
{
    /// <summary>Refuse requests to models not in the inventory. On by default; turning it off is for migrations only.</summary>
    public bool Enforce { get; set; } = true;

    /// <summary>How long a review holds; an entry reviewed longer ago raises a <c>model.review_overdue</c> warning event.</summary>
    public TimeSpan ReviewPeriod { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Entries written when the inventory is empty (first start); none configured means <see cref="ModelSeedOptions.BuiltInTestModel"/>.</summary>
    public List<ModelSeedOptions> Seed { get; set; } = [];

    /// <summary>Local model files (beyond the embedded ones) whose integrity the signed manifest covers.</summary>
    public List<string> Files { get; set; } = [];

    public ModelIntegrityOptions Integrity { get; set; } = new();

    /// <summary>The configured seed, or the built-in test model when none is configured.</summary>
    public IReadOnlyList<ModelSeedOptions> EffectiveSeed => Seed.Count > 0 ? Seed : [ModelSeedOptions.BuiltInTestModel()];
}
