namespace Caduceus.Gateway.Models;

/// <summary>The risk tiers a model in the inventory may carry, lowest first.</summary>
public static class ModelRiskTiers
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";

    public static IReadOnlyList<string> All { get; } = [Low, Medium, High];

    public static bool TryParse(string? text, out string tier)
    {
        tier = All.FirstOrDefault(t => string.Equals(t, text?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        return tier.Length > 0;
    }
}
