using System.Security.Cryptography;
using Caduceus.Gateway.WebConsole.Accounts;

namespace Caduceus.Gateway.Tests.WebConsole.Accounts;

/// <summary>What every <see cref="IConsoleAccountStore"/> must do; each store runs these through a derived class.</summary>
public abstract class ConsoleAccountStoreContractTests : IAsyncLifetime
{
    private IConsoleAccountStore? _store;

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected IConsoleAccountStore Store => _store!;

    public async ValueTask InitializeAsync() => _store = await OpenStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        GC.SuppressFinalize(this);
    }

    private protected abstract Task<IConsoleAccountStore> OpenStoreAsync();

    private protected abstract ValueTask CloseAsync();

    [Fact]
    public async Task An_added_account_is_found_by_name_and_by_id_as_it_was_stored()
    {
        var account = Account("alice");

        Assert.True(await Store.AddAsync(account, Cancel));

        foreach (var found in new[] { await Store.FindByNameAsync("alice", Cancel), await Store.FindByIdAsync(account.Id, Cancel) })
        {
            Assert.NotNull(found);
            Assert.Equal(account.Id, found.Id);
            Assert.Equal(account.Roles, found.Roles);
            Assert.Equal(account.PasswordHash, found.PasswordHash);
            Assert.Equal(account.SealedTotpSeed, found.SealedTotpSeed);
            Assert.Equal(account.CreatedAt, found.CreatedAt);
            Assert.Null(found.TotpLastStep);
            Assert.Null(found.DisabledAt);
        }

        Assert.Null(await Store.FindByNameAsync("bob", Cancel));
        Assert.Null(await Store.FindByIdAsync(ConsoleAccount.NewId(), Cancel));
    }

    [Fact]
    public async Task A_taken_name_is_refused_and_the_first_account_kept()
    {
        var first = Account("alice");
        Assert.True(await Store.AddAsync(first, Cancel));

        Assert.False(await Store.AddAsync(Account("alice"), Cancel));

        Assert.Equal(first.Id, (await Store.FindByNameAsync("alice", Cancel))!.Id);
        Assert.Single(await Store.ListAsync(Cancel));
    }

    [Fact]
    public async Task A_totp_step_is_accepted_once_and_an_earlier_step_never_after_it()
    {
        var account = Account("alice");
        await Store.AddAsync(account, Cancel);

        Assert.True(await Store.UseTotpStepAsync(account.Id, 1000, Cancel));
        Assert.False(await Store.UseTotpStepAsync(account.Id, 1000, Cancel));
        Assert.False(await Store.UseTotpStepAsync(account.Id, 999, Cancel));
        Assert.True(await Store.UseTotpStepAsync(account.Id, 1001, Cancel));
        Assert.Equal(1001, (await Store.FindByIdAsync(account.Id, Cancel))!.TotpLastStep);
    }

    [Fact]
    public async Task Two_uses_of_one_totp_step_racing_let_exactly_one_through()
    {
        var account = Account("alice");
        await Store.AddAsync(account, Cancel);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.UseTotpStepAsync(account.Id, 2000, Cancel)));

        Assert.Single(results, accepted => accepted);
    }

    [Fact]
    public async Task An_account_is_disabled_once_and_listed_in_name_order_with_its_state()
    {
        await Store.AddAsync(Account("carol"), Cancel);
        await Store.AddAsync(Account("alice"), Cancel);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);

        Assert.True(await Store.DisableAsync("carol", at, Cancel));
        Assert.False(await Store.DisableAsync("carol", at.AddMinutes(1), Cancel));
        Assert.False(await Store.DisableAsync("nobody", at, Cancel));

        var listed = await Store.ListAsync(Cancel);
        Assert.Equal(["alice", "carol"], listed.Select(a => a.Name));
        Assert.Null(listed[0].DisabledAt);
        Assert.Equal(at, listed[1].DisabledAt);
    }

    private static ConsoleAccount Account(string name) => new()
    {
        Id = ConsoleAccount.NewId(),
        Name = name,
        Roles = [ConsoleRoles.SecurityViewer, ConsoleRoles.PrivacyOfficer],
        PasswordHash = "pbkdf2-sha256$1$c2FsdA==$aGFzaA==",
        SealedTotpSeed = RandomNumberGenerator.GetBytes(48),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123),
    };
}
