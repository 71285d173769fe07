using Caduceus.Detection;
using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.Vault;

namespace Caduceus.Gateway.Tests.Vault;

/// <summary>What every <see cref="IPseudonymVault"/> must do; each store runs these through a derived class.</summary>
public abstract class PseudonymVaultContractTests
{
    private protected ManualTimeProvider Clock { get; } = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract IPseudonymVault CreateVault(TimeSpan timeToLive);

    [Fact]
    public async Task Restores_tokens_issued_in_an_earlier_request_of_the_scope()
    {
        var vault = CreateVault(TimeSpan.FromHours(1));
        var first = await vault.OpenScopeAsync("conversation-1", Cancel);
        VaultTestData.IssueSeeded(first);
        Assert.True(await vault.TryCommitAsync(first, Cancel));

        var second = await vault.OpenScopeAsync("conversation-1", Cancel);

        Assert.Equal("<SSN_1>", second.Pseudonyms.GetOrIssue(EntityTypes.Ssn, "536 22 1843"));
        Assert.Equal("<NAME_2>", second.Pseudonyms.GetOrIssue(EntityTypes.Name, "Another Person"));
        Assert.Equal($"{VaultTestData.Name} ({VaultTestData.Ssn})", PseudonymRestorer.Restore("<NAME_1> (<SSN_1>)", second.Pseudonyms));
    }

    [Fact]
    public async Task Keeps_scopes_apart()
    {
        var vault = CreateVault(TimeSpan.FromHours(1));
        var first = await vault.OpenScopeAsync("conversation-1", Cancel);
        VaultTestData.IssueSeeded(first);
        await vault.TryCommitAsync(first, Cancel);

        var other = await vault.OpenScopeAsync("conversation-2", Cancel);

        Assert.Equal(0, other.Pseudonyms.Count);
        Assert.Equal("<NAME_1>", PseudonymRestorer.Restore("<NAME_1>", other.Pseudonyms));
    }

    [Fact]
    public async Task Detects_a_concurrent_commit_of_conflicting_tokens()
    {
        var vault = CreateVault(TimeSpan.FromHours(1));
        var a = await vault.OpenScopeAsync("c", Cancel);
        var b = await vault.OpenScopeAsync("c", Cancel);
        a.Pseudonyms.GetOrIssue(EntityTypes.Name, "Ann Lee");
        b.Pseudonyms.GetOrIssue(EntityTypes.Name, "Bob Ray");

        Assert.True(await vault.TryCommitAsync(a, Cancel));
        Assert.False(await vault.TryCommitAsync(b, Cancel));
    }

    [Fact]
    public async Task Detects_a_concurrent_commit_of_the_same_value_under_another_token()
    {
        var vault = CreateVault(TimeSpan.FromHours(1));
        var a = await vault.OpenScopeAsync("c", Cancel);
        var b = await vault.OpenScopeAsync("c", Cancel);
        a.Pseudonyms.GetOrIssue(EntityTypes.Name, "Zed Fox");
        a.Pseudonyms.GetOrIssue(EntityTypes.Name, "Ann Lee");
        b.Pseudonyms.GetOrIssue(EntityTypes.Name, "Ann Lee");
        Assert.True(await vault.TryCommitAsync(b, Cancel));

        Assert.False(await vault.TryCommitAsync(a, Cancel));
    }

    [Fact]
    public async Task Pseudonymize_redoes_the_work_after_a_conflict()
    {
        var inner = CreateVault(TimeSpan.FromHours(1));
        var vault = new RivalFirstVault(inner, async () =>
        {
            var rival = await inner.OpenScopeAsync("c", Cancel);
            rival.Pseudonyms.GetOrIssue(EntityTypes.Name, "Ann Lee");
            Assert.True(await inner.TryCommitAsync(rival, Cancel));
        });
        var attempts = 0;

        var (token, scope) = await vault.PseudonymizeAsync(
            "c",
            s =>
            {
                attempts++;
                return s.Pseudonyms.GetOrIssue(EntityTypes.Name, "Bob Ray");
            },
            Cancel);

        Assert.Equal(2, attempts);
        Assert.Equal("<NAME_2>", token);
        Assert.Equal("Ann Lee and Bob Ray", PseudonymRestorer.Restore("<NAME_1> and <NAME_2>", scope.Pseudonyms));
    }

    [Fact]
    public async Task Pseudonymize_gives_up_on_a_scope_that_stays_contended()
    {
        var inner = CreateVault(TimeSpan.FromHours(1));
        var vault = new RivalFirstVault(inner, null);

        var exception = await Assert.ThrowsAsync<PseudonymVaultException>(async () =>
            await vault.PseudonymizeAsync("c", s => s.Pseudonyms.GetOrIssue(EntityTypes.Name, "Bob Ray"), Cancel));

        Assert.DoesNotContain("Bob", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commits_idempotently()
    {
        var vault = CreateVault(TimeSpan.FromHours(1));
        var scope = await vault.OpenScopeAsync("c", Cancel);
        VaultTestData.IssueSeeded(scope);

        Assert.True(await vault.TryCommitAsync(scope, Cancel));
        Assert.True(await vault.TryCommitAsync(scope, Cancel));
        Assert.Equal(2, (await vault.OpenScopeAsync("c", Cancel)).Pseudonyms.Count);
    }

    [Fact]
    public async Task Expired_pseudonyms_cannot_be_restored_and_are_purged()
    {
        var vault = CreateVault(TimeSpan.FromMinutes(30));
        var scope = await vault.OpenScopeAsync("c", Cancel);
        VaultTestData.IssueSeeded(scope);
        await vault.TryCommitAsync(scope, Cancel);

        Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(0, (await vault.OpenScopeAsync("c", Cancel)).Pseudonyms.Count);
        Assert.Equal(2, await vault.PurgeExpiredAsync(Cancel));
        Assert.Equal(0, await vault.PurgeExpiredAsync(Cancel));
    }

    [Fact]
    public async Task Use_extends_a_scope_s_life()
    {
        var vault = CreateVault(TimeSpan.FromMinutes(30));
        var scope = await vault.OpenScopeAsync("c", Cancel);
        VaultTestData.IssueSeeded(scope);
        await vault.TryCommitAsync(scope, Cancel);

        Clock.Advance(TimeSpan.FromMinutes(20));
        await vault.TryCommitAsync(await vault.OpenScopeAsync("c", Cancel), Cancel);
        Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(0, await vault.PurgeExpiredAsync(Cancel));
        Assert.Equal(2, (await vault.OpenScopeAsync("c", Cancel)).Pseudonyms.Count);
    }

    [Fact]
    public async Task An_expired_scope_starts_afresh_without_conflicts()
    {
        var vault = CreateVault(TimeSpan.FromMinutes(30));
        var scope = await vault.OpenScopeAsync("c", Cancel);
        scope.Pseudonyms.GetOrIssue(EntityTypes.Name, "Ann Lee");
        await vault.TryCommitAsync(scope, Cancel);
        Clock.Advance(TimeSpan.FromHours(1));

        var fresh = await vault.OpenScopeAsync("c", Cancel);
        Assert.Equal("<NAME_1>", fresh.Pseudonyms.GetOrIssue(EntityTypes.Name, "Bob Ray"));

        Assert.True(await vault.TryCommitAsync(fresh, Cancel));
        Assert.Equal("Bob Ray", PseudonymRestorer.Restore("<NAME_1>", (await vault.OpenScopeAsync("c", Cancel)).Pseudonyms));
    }

    /// <summary>Lets a rival request commit just before the first commit (or, without a rival, refuses every commit).</summary>
    private sealed class RivalFirstVault(IPseudonymVault inner, Func<Task>? rival) : IPseudonymVault
    {
        private bool _rivalDone;

        public ValueTask<AnonymizationScope> OpenScopeAsync(string scopeId, CancellationToken cancellationToken) => inner.OpenScopeAsync(scopeId, cancellationToken);

        public async ValueTask<bool> TryCommitAsync(AnonymizationScope scope, CancellationToken cancellationToken)
        {
            if (rival is null)
            {
                return false;
            }

            if (!_rivalDone)
            {
                _rivalDone = true;
                await rival();
            }

            return await inner.TryCommitAsync(scope, cancellationToken);
        }

        public ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken) => inner.PurgeExpiredAsync(cancellationToken);
    }
}
