using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Models;

public sealed class SqliteModelInventoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-models-").FullName;
    private readonly SqliteModelInventory _inventory;

    public SqliteModelInventoryTests() =>
        _inventory = new SqliteModelInventory(new GatewayDatabase(Options.Create(new GatewayOptions { DataDirectory = _directory })), TimeProvider.System);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_duplicate_entry_is_a_conflict_and_leaves_the_first_as_it_was()
    {
        await _inventory.AddAsync(GatewayHarness.TestModelEntry("default", "m") with { Owner = "first" }, Cancel);

        var duplicate = await _inventory.AddAsync(GatewayHarness.TestModelEntry("DEFAULT", "m") with { Owner = "second" }, Cancel);

        Assert.Equal(ModelInventoryOutcome.Conflict, duplicate.Outcome);
        Assert.Equal("first", Assert.Single(await _inventory.ListAsync(Cancel)).Owner);
    }

    [Fact]
    public async Task A_second_default_of_one_application_is_a_conflict_on_add_and_on_update()
    {
        await _inventory.AddAsync(GatewayHarness.TestModelEntry("default", "a", isDefault: true), Cancel);
        await _inventory.AddAsync(GatewayHarness.TestModelEntry("default", "b"), Cancel);

        var added = await _inventory.AddAsync(GatewayHarness.TestModelEntry("default", "c", isDefault: true), Cancel);
        var updated = await _inventory.UpdateAsync("default", "b", new ModelEntryChange { IsDefault = true, Owner = "x" }, Cancel);

        Assert.Equal(ModelInventoryOutcome.Conflict, added.Outcome);
        Assert.Equal(ModelInventoryOutcome.Conflict, updated.Outcome);
        Assert.Equal("a", (await _inventory.GetDefaultAsync("default", Cancel))!.Model);
        Assert.Equal("tests", (await _inventory.GetAsync("default", "b", Cancel))!.Owner);
        Assert.Equal(2, (await _inventory.ListAsync(Cancel)).Count);
    }

    [Fact]
    public async Task Update_changes_only_the_given_fields_and_remove_deletes()
    {
        await _inventory.AddAsync(GatewayHarness.TestModelEntry("default", "m"), Cancel);

        var updated = await _inventory.UpdateAsync("default", "m", new ModelEntryChange { RiskTier = ModelRiskTiers.High, PhiAllowed = false }, Cancel);
        var removed = await _inventory.RemoveAsync("default", "m", Cancel);
        var again = await _inventory.RemoveAsync("default", "m", Cancel);

        Assert.Equal((ModelRiskTiers.High, false, "tests"), (updated.Entry!.RiskTier, updated.Entry.PhiAllowed, updated.Entry.Owner));
        Assert.Equal(ModelInventoryOutcome.Done, removed.Outcome);
        Assert.Equal(ModelInventoryOutcome.NotFound, again.Outcome);
        Assert.Empty(await _inventory.ListAsync(Cancel));
    }

    [Fact]
    public async Task Model_names_match_exactly()
    {
        await _inventory.AddAsync(GatewayHarness.TestModelEntry("default", "gpt-4o"), Cancel);

        Assert.NotNull(await _inventory.GetAsync("Default", "gpt-4o", Cancel));
        Assert.Null(await _inventory.GetAsync("default", "GPT-4O", Cancel));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
