using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Hosting;
using Caduceus.Gateway.Models;

namespace Caduceus.Gateway.Tests.Models;

public sealed class ModelEntryInputTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static GatewayOptions Options()
    {
        var options = new GatewayOptions();
        GatewayConfiguration.EnsureDefaultApplication(options);
        return options;
    }

    private static (bool Ok, string? Error) Create(string? app = "default", string? model = "gpt-4o", string? tier = "high", string? reviewed = "2026-01-15", bool? phi = false) =>
        ModelEntryInput.TryCreate(Options(), app, model, "2024-08", "ml-team", "patient portal chat", phi, tier, reviewed, false, Today, out _, out var error)
            ? (true, null)
            : (false, error);

    [Fact]
    public void A_complete_entry_is_accepted()
    {
        Assert.True(ModelEntryInput.TryCreate(Options(), "DEFAULT", " gpt-4o ", null, "ml-team", "chat", true, "Medium", "2026-01-15", true, Today, out var entry, out _));
        Assert.Equal(("default", "gpt-4o", ModelRiskTiers.Medium, new DateOnly(2026, 1, 15)), (entry.Application, entry.Model, entry.RiskTier, entry.LastReviewed));
    }

    [Theory]
    [InlineData("severe", "2026-01-15", "unknown risk tier")]
    [InlineData("high", "15/01/2026", "yyyy-MM-dd")]
    [InlineData("high", "2027-01-01", "in the future")]
    public void Bad_tiers_and_dates_are_refused_with_a_reason(string tier, string reviewed, string reason)
    {
        var (ok, error) = Create(tier: tier, reviewed: reviewed);

        Assert.False(ok);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_applications_wildcards_and_a_missing_phi_answer_are_refused()
    {
        Assert.Contains("no application named", Create(app: "nope").Error, StringComparison.Ordinal);
        Assert.Contains("wildcards", Create(model: "gpt-*").Error, StringComparison.Ordinal);
        Assert.Contains("model name is required", Create(model: "two words").Error, StringComparison.Ordinal);
        Assert.Contains("PHI", Create(phi: null).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_change_is_refused()
    {
        Assert.False(ModelEntryInput.TryChange(null, null, null, null, null, null, null, Today, out _, out var error));
        Assert.Contains("nothing to change", error, StringComparison.Ordinal);
    }
}
