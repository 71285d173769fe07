using Caduceus.Gateway.Models;
using Caduceus.Gateway.Tests.Infrastructure;

namespace Caduceus.Gateway.Tests.Models;

/// <summary>What every <see cref="IModelInventory"/> must do; each store runs these through a derived class.</summary>
public abstract class ModelInventoryContractTests
{
    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract IModelInventory Inventory { get; }

    /// <summary>A second inventory on the same data, as another process (the CLI, another instance) opens it.</summary>
    private protected abstract IModelInventory OpenSecondInventory();

    [Fact]
    public async Task A_duplicate_entry_is_a_conflict_and_leaves_the_first_as_it_was()
    {
        await Inventory.AddAsync(GatewayHarness.TestModelEntry("default", "m") with { Owner = "first" }, Cancel);

        var duplicate = await Inventory.AddAsync(GatewayHarness.TestModelEntry("DEFAULT", "m") with { Owner = "second" }, Cancel);

        Assert.Equal(ModelInventoryOutcome.Conflict, duplicate.Outcome);
        Assert.Equal("first", Assert.Single(await Inventory.ListAsync(Cancel)).Owner);
    }

    [Fact]
    public async Task A_second_default_of_one_application_is_a_conflict_on_add_and_on_update()
    {
        await Inventory.AddAsync(GatewayHarness.TestModelEntry("default", "a", isDefault: true), Cancel);
        await Inventory.AddAsync(GatewayHarness.TestModelEntry("default", "b"), Cancel);

        var added = await Inventory.AddAsync(GatewayHarness.TestModelEntry("default", "c", isDefault: true), Cancel);
        var updated = await Inventory.UpdateAsync("default", "b", new ModelEntryChange { IsDefault = true, Owner = "x" }, Cancel);

        Assert.Equal(ModelInventoryOutcome.Conflict, added.Outcome);
        Assert.Equal(ModelInventoryOutcome.Conflict, updated.Outcome);
        Assert.Equal("a", (await Inventory.GetDefaultAsync("DEFAULT", Cancel))!.Model);
        Assert.Equal("tests", (await Inventory.GetAsync("default", "b", Cancel))!.Owner);
        Assert.Equal(2, (await Inventory.ListAsync(Cancel)).Count);
    }

    [Fact]
    public async Task Update_changes_only_the_given_fields_and_remove_deletes()
    {
        await Inventory.AddAsync(GatewayHarness.TestModelEntry("default", "m"), Cancel);

        var updated = await Inventory.UpdateAsync("default", "m", new ModelEntryChange { RiskTier = ModelRiskTiers.High, PhiAllowed = false }, Cancel);
        var removed = await Inventory.RemoveAsync("Default", "m", Cancel);
        var again = await Inventory.RemoveAsync("default", "m", Cancel);

        Assert.Equal((ModelRiskTiers.High, false, "tests"), (updated.Entry!.RiskTier, updated.Entry.PhiAllowed, updated.Entry.Owner));
        Assert.Equal(ModelInventoryOutcome.Done, removed.Outcome);
        Assert.Equal(ModelInventoryOutcome.NotFound, again.Outcome);
        Assert.Equal(ModelInventoryOutcome.NotFound, (await Inventory.UpdateAsync("default", "m", new ModelEntryChange { Owner = "x" }, Cancel)).Outcome);
        Assert.Empty(await Inventory.ListAsync(Cancel));
        Assert.False(await Inventory.AnyAsync(Cancel));
    }

    [Fact]
    public async Task Model_names_match_exactly()
    {
        await Inventory.AddAsync(GatewayHarness.TestModelEntry("default", "gpt-4o"), Cancel);

        Assert.NotNull(await Inventory.GetAsync("Default", "gpt-4o", Cancel));
        Assert.Null(await Inventory.GetAsync("default", "GPT-4O", Cancel));
    }

    [Fact]
    public async Task Every_field_reads_back_as_written_and_the_list_is_ordered_by_application_then_model()
    {
        var entry = GatewayHarness.TestModelEntry("zeta", "b") with
        {
            Version = "2024-08-06",
            PhiAllowed = false,
            RiskTier = ModelRiskTiers.Medium,
            LastReviewed = new DateOnly(2026, 2, 28),
            IsDefault = true,
        };
        var added = await Inventory.AddAsync(entry, Cancel);
        await Inventory.AddAsync(GatewayHarness.TestModelEntry("zeta", "B"), Cancel);
        await Inventory.AddAsync(GatewayHarness.TestModelEntry("Alpha", "x"), Cancel);

        var read = await Inventory.GetAsync("ZETA", "b", Cancel);

        Assert.Equal(added.Entry! with { CreatedAt = Millis(added.Entry.CreatedAt), UpdatedAt = Millis(added.Entry.UpdatedAt) }, read);
        Assert.Equal(["Alpha/x", "zeta/B", "zeta/b"], (await Inventory.ListAsync(Cancel)).Select(e => e.Application + "/" + e.Model));
        Assert.True(await Inventory.AnyAsync(Cancel));
    }

    [Fact]
    public async Task A_change_through_another_handle_is_seen_on_the_next_read()
    {
        var other = OpenSecondInventory();

        await other.AddAsync(GatewayHarness.TestModelEntry("default", "m", isDefault: true), Cancel);
        var seenAdded = await Inventory.GetDefaultAsync("default", Cancel);
        await other.RemoveAsync("default", "m", Cancel);

        Assert.Equal("m", seenAdded?.Model);
        Assert.Null(await Inventory.GetAsync("default", "m", Cancel));
    }

    [Fact]
    public async Task Of_defaults_added_at_once_through_two_handles_exactly_one_wins()
    {
        var other = OpenSecondInventory();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? Inventory : other).AddAsync(GatewayHarness.TestModelEntry("default", "m" + i, isDefault: true), Cancel)));

        Assert.Single(results, r => r.Outcome == ModelInventoryOutcome.Done);
        Assert.All(results.Where(r => r.Outcome != ModelInventoryOutcome.Done), r => Assert.Equal(ModelInventoryOutcome.Conflict, r.Outcome));
        Assert.Single(await Inventory.ListAsync(Cancel));
    }

    private static DateTimeOffset Millis(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());
}
