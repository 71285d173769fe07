using Caduceus.Gateway.Policies;

namespace Caduceus.Gateway.Tests.Policies;

/// <summary>What every <see cref="IPolicyOverrideStore"/> must do; each store runs these through a derived class.</summary>
public abstract class PolicyOverrideStoreContractTests
{
    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract IPolicyOverrideStore Store { get; }

    /// <summary>A second store on the same data, as another instance opens it.</summary>
    private protected abstract IPolicyOverrideStore OpenSecondStore();

    [Fact]
    public async Task A_saved_override_is_listed_by_another_store_on_the_same_data()
    {
        var saved = await Store.SaveAsync(Change("clinic", "h0", "h1"), null, "policy one", Cancel);

        var listed = Assert.Single(await OpenSecondStore().ListAsync(Cancel));

        Assert.True(saved);
        Assert.Equal(("clinic", "policy one", "h1", "alice@example.org"), (listed.Application, listed.PolicyText, listed.PolicyHash, listed.ChangedBy));
        Assert.Equal(At.ToUnixTimeMilliseconds(), listed.ChangedAt.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_save_against_a_stale_override_writes_nothing()
    {
        await Store.SaveAsync(Change("clinic", "h0", "h1"), null, "policy one", Cancel);

        var fromNothing = await OpenSecondStore().SaveAsync(Change("clinic", "h0", "h2"), null, "policy two", Cancel);
        var fromWrongHash = await Store.SaveAsync(Change("clinic", "hx", "h3"), "hx", "policy three", Cancel);
        var fromCurrent = await Store.SaveAsync(Change("clinic", "h1", "h4"), "h1", "policy four", Cancel);

        Assert.False(fromNothing);
        Assert.False(fromWrongHash);
        Assert.True(fromCurrent);
        Assert.Equal("policy four", Assert.Single(await Store.ListAsync(Cancel)).PolicyText);
        Assert.Equal(["h4", "h1"], (await Store.RecentChangesAsync(10, Cancel)).Select(c => c.AfterHash));
    }

    [Fact]
    public async Task Application_names_compare_without_regard_to_case()
    {
        await Store.SaveAsync(Change("Clinic", "h0", "h1"), null, "policy one", Cancel);

        var sameApplication = await Store.SaveAsync(Change("clinic", "h1", "h2"), "h1", "policy two", Cancel);

        Assert.True(sameApplication);
        Assert.Equal("policy two", Assert.Single(await Store.ListAsync(Cancel)).PolicyText);
    }

    [Fact]
    public async Task Removing_an_override_restores_the_configured_policy_and_keeps_the_history()
    {
        await Store.SaveAsync(Change("clinic", "h0", "h1"), null, "policy one", Cancel);
        await Store.SaveAsync(Change("triage", "h0", "h5"), null, "policy five", Cancel);

        var removed = await Store.SaveAsync(Change("clinic", "h1", "h0"), "h1", null, Cancel);

        Assert.True(removed);
        Assert.Equal("triage", Assert.Single(await Store.ListAsync(Cancel)).Application);
        var history = await Store.RecentChangesAsync(2, Cancel);
        Assert.Equal([("clinic", "h1", "h0"), ("triage", "h0", "h5")], history.Select(c => (c.Application, c.BeforeHash, c.AfterHash)));
        Assert.Equal("- a\n+ b", history[0].Diff);
    }

    [Fact]
    public async Task Concurrent_first_saves_of_one_application_let_exactly_one_win()
    {
        var second = OpenSecondStore();

        var results = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? Store : second).SaveAsync(Change("clinic", "h0", $"h{i + 1}"), null, $"policy {i}", Cancel)));

        Assert.Equal(1, results.Count(saved => saved));
        Assert.Single(await Store.RecentChangesAsync(10, Cancel));
    }

    private static readonly DateTimeOffset At = new(2026, 11, 29, 9, 30, 0, 123, TimeSpan.Zero);

    private static PolicyChange Change(string application, string before, string after) =>
        new(application, "alice@example.org", At, before, after, "- a\n+ b");
}
