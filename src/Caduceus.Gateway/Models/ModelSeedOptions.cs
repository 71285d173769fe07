namespace Caduceus.Gateway.Models;

/// <summary>One inventory entry written on first start (<c>Models:Seed</c>), when the inventory is empty.</summary>
public sealed class ModelSeedOptions
{
    public string? Application { get; set; }

    public string? Model { get; set; }

    public string? Version { get; set; }

    public string? Owner { get; set; }

    public string? IntendedUse { get; set; }

    public bool PhiAllowed { get; set; }

    public string? RiskTier { get; set; }

    /// <summary><c>yyyy-MM-dd</c>; empty means the day of seeding.</summary>
    public string? LastReviewed { get; set; }

    public bool Default { get; set; }

    /// <summary>
    /// What is seeded when <c>Models:Seed</c> is not configured: the built-in echo test model, as the default model of
    /// the default application. It is a stand-in that answers from the request alone, so PHI that policy lets through
    /// may reach it.
    /// </summary>
    public static ModelSeedOptions BuiltInTestModel() => new()
    {
        Application = Configuration.GatewayOptions.DefaultApplicationName,
        Model = "caduceus-test-model",
        Version = "echo",
        Owner = "caduceus",
        IntendedUse = "Built-in echo test model for development and tests; not a real model.",
        PhiAllowed = true,
        RiskTier = ModelRiskTiers.Low,
        Default = true,
    };
}
