using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Identity;

namespace Caduceus.Gateway.Tests.Keys;

/// <summary>What every <see cref="IApiKeyStore"/> (and <see cref="IApiKeyLookup"/>) must do; each store runs these through a derived class.</summary>
public abstract class ApiKeyStoreContractTests<TStore>
    where TStore : IApiKeyStore, IApiKeyLookup
{
    private protected ManualTimeProvider Clock { get; } = new();

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected abstract TStore Store { get; }

    private protected DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Everything the store has written, as bytes, for the test that no secret is among them.</summary>
    private protected abstract Task<byte[]> StoredBytesAsync();

    /// <summary>A second store on the same data, as another process (the CLI, another instance) opens it.</summary>
    private protected abstract IApiKeyStore OpenSecondStore();

    [Fact]
    public async Task Creates_high_entropy_keys_and_stores_only_their_hash()
    {
        var first = await Store.CreateAsync(Service(), Cancel);
        var second = await Store.CreateAsync(Service(), Cancel);

        Assert.StartsWith("cad_", first.Secret, StringComparison.Ordinal);
        Assert.True(first.Secret.Length >= 4 + 43, "a key carries 256 random bits");
        Assert.NotEqual(first.Secret, second.Secret);
        Assert.NotEqual(first.Record.Id, second.Record.Id);

        var stored = Encoding.Latin1.GetString(await StoredBytesAsync());
        Assert.DoesNotContain(first.Secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Secret[4..], stored, StringComparison.Ordinal);
        Assert.Contains(Encoding.Latin1.GetString(SHA256.HashData(Encoding.UTF8.GetBytes(first.Secret))), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finds_a_key_by_its_secret_with_everything_it_was_created_with()
    {
        var expires = Now + TimeSpan.FromDays(30);
        var issued = await Store.CreateAsync(new NewApiKey("default", [CallerRoles.Admin, CallerRoles.Clinician], "ops laptop", expires), Cancel);

        var match = await Store.FindAsync(issued.Secret, Cancel);

        Assert.NotNull(match);
        Assert.False(match.IsPreviousSecret);
        Assert.Equal(issued.Record.Id, match.Record.Id);
        Assert.Equal(["clinician", "admin"], match.Record.Roles);
        Assert.Equal("ops laptop", match.Record.Label);
        Assert.Equal(expires, match.Record.ExpiresAt);
        Assert.Null(match.RefusalAt(Now));
        Assert.Null(await Store.FindAsync(issued.Secret + "x", Cancel));
    }

    [Fact]
    public async Task Refuses_a_key_without_a_known_role()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(new NewApiKey("default", []), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync(new NewApiKey("default", ["doctor"]), Cancel));
    }

    [Fact]
    public async Task Listing_shows_every_key_and_no_secret()
    {
        var issued = await Store.CreateAsync(Service(), Cancel);
        var other = await Store.CreateAsync(new NewApiKey("default", [CallerRoles.Billing]), Cancel);

        var keys = await Store.ListAsync(Cancel);
        var json = JsonSerializer.Serialize(new ApiKeyListView(keys.Select(k => ApiKeyView.From(k, Now)).ToArray()), ApiKeyJsonContext.Default.ApiKeyListView);

        Assert.Equal([issued.Record.Id, other.Record.Id], keys.Select(k => k.Id));
        Assert.DoesNotContain(issued.Secret, json, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Secret, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        var issued = await Store.CreateAsync(Service() with { ExpiresAt = Now + TimeSpan.FromHours(1) }, Cancel);

        Assert.Null((await Store.FindAsync(issued.Secret, Cancel))!.RefusalAt(Now));
        Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ApiKeyRefusalReason.Expired, (await Store.FindAsync(issued.Secret, Cancel))!.RefusalAt(Now));
        Assert.Equal(ApiKeyStatus.Expired, (await Store.GetAsync(issued.Record.Id, Cancel))!.StatusAt(Now));
    }

    [Fact]
    public async Task Rotation_replaces_the_secret_at_once_by_default()
    {
        var issued = await Store.CreateAsync(Service(), Cancel);

        var rotated = await Store.RotateAsync(issued.Record.Id, TimeSpan.Zero, Cancel);

        Assert.NotNull(rotated);
        Assert.Equal(issued.Record.Id, rotated.Record.Id);
        Assert.NotEqual(issued.Secret, rotated.Secret);
        Assert.Null((await Store.FindAsync(rotated.Secret, Cancel))!.RefusalAt(Now));
        var old = await Store.FindAsync(issued.Secret, Cancel);
        Assert.True(old!.IsPreviousSecret);
        Assert.Equal(ApiKeyRefusalReason.Replaced, old.RefusalAt(Now));
    }

    [Fact]
    public async Task Rotation_with_grace_keeps_the_old_secret_working_until_the_grace_ends()
    {
        var issued = await Store.CreateAsync(Service(), Cancel);

        var rotated = await Store.RotateAsync(issued.Record.Id, TimeSpan.FromMinutes(10), Cancel);

        Assert.Equal(Now + TimeSpan.FromMinutes(10), rotated!.Record.PreviousSecretValidUntil);
        Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Null((await Store.FindAsync(issued.Secret, Cancel))!.RefusalAt(Now));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ApiKeyRefusalReason.Replaced, (await Store.FindAsync(issued.Secret, Cancel))!.RefusalAt(Now));
        Assert.Null((await Store.FindAsync(rotated.Secret, Cancel))!.RefusalAt(Now));
    }

    [Fact]
    public async Task A_second_rotation_forgets_the_first_replaced_secret()
    {
        var issued = await Store.CreateAsync(Service(), Cancel);
        var first = await Store.RotateAsync(issued.Record.Id, TimeSpan.FromMinutes(10), Cancel);

        var second = await Store.RotateAsync(issued.Record.Id, TimeSpan.FromMinutes(10), Cancel);

        Assert.Null(await Store.FindAsync(issued.Secret, Cancel));
        Assert.Null((await Store.FindAsync(first!.Secret, Cancel))!.RefusalAt(Now));
        Assert.Null((await Store.FindAsync(second!.Secret, Cancel))!.RefusalAt(Now));
    }

    [Fact]
    public async Task Revocation_refuses_the_key_and_its_replaced_secret_and_is_idempotent()
    {
        var issued = await Store.CreateAsync(Service(), Cancel);
        var rotated = await Store.RotateAsync(issued.Record.Id, TimeSpan.FromHours(1), Cancel);
        var revokedAt = Now;

        var revoked = await Store.RevokeAsync(issued.Record.Id, ApiKeyRevocationReason.Revoked, Cancel);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await Store.RevokeAsync(issued.Record.Id, ApiKeyRevocationReason.Unused, Cancel);

        Assert.Equal(ApiKeyStatus.Revoked, revoked!.StatusAt(Now));
        Assert.Equal(revokedAt, again!.RevokedAt);
        Assert.Equal(ApiKeyRevocationReason.Revoked, again.RevokedReason);
        Assert.Equal(ApiKeyRefusalReason.Revoked, (await Store.FindAsync(rotated!.Secret, Cancel))!.RefusalAt(Now));
        Assert.Null(await Store.FindAsync(issued.Secret, Cancel));
        Assert.Null(await Store.RevokeAsync("key_nonexistent", ApiKeyRevocationReason.Revoked, Cancel));
    }

    [Fact]
    public async Task Only_active_keys_can_be_rotated()
    {
        var revoked = await Store.CreateAsync(Service(), Cancel);
        await Store.RevokeAsync(revoked.Record.Id, ApiKeyRevocationReason.Revoked, Cancel);
        var expired = await Store.CreateAsync(Service() with { ExpiresAt = Now }, Cancel);

        Assert.Null(await Store.RotateAsync(revoked.Record.Id, TimeSpan.Zero, Cancel));
        Assert.Null(await Store.RotateAsync(expired.Record.Id, TimeSpan.Zero, Cancel));
        Assert.Null(await Store.RotateAsync("key_nonexistent", TimeSpan.Zero, Cancel));
        Assert.False((await Store.FindAsync(revoked.Secret, Cancel))!.IsPreviousSecret);
    }

    [Fact]
    public async Task Reports_and_disables_only_active_keys_unused_for_the_given_days()
    {
        var neverUsed = await Store.CreateAsync(Service(), Cancel);
        var usedLately = await Store.CreateAsync(Service(), Cancel);
        var alreadyRevoked = await Store.CreateAsync(Service(), Cancel);
        await Store.RevokeAsync(alreadyRevoked.Record.Id, ApiKeyRevocationReason.Revoked, Cancel);
        Clock.Advance(TimeSpan.FromDays(29));
        await Store.RecordUseAsync(usedLately.Record.Id, Now, Cancel);
        var newKey = await Store.CreateAsync(Service(), Cancel);
        Clock.Advance(TimeSpan.FromDays(2));

        var report = UnusedKeys.Select(await Store.ListAsync(Cancel), Now, 30);
        var disabled = await Store.DisableUnusedAsync(UnusedKeys.Cutoff(Now, 30), Cancel);

        Assert.Equal([neverUsed.Record.Id], report.Select(k => k.Id));
        Assert.Equal([neverUsed.Record.Id], disabled.Select(k => k.Id));
        var after = (await Store.ListAsync(Cancel)).ToDictionary(k => k.Id);
        Assert.Equal(ApiKeyRevocationReason.Unused, after[neverUsed.Record.Id].RevokedReason);
        Assert.Equal(ApiKeyRefusalReason.Revoked, (await Store.FindAsync(neverUsed.Secret, Cancel))!.RefusalAt(Now));
        Assert.Equal(ApiKeyStatus.Active, after[usedLately.Record.Id].StatusAt(Now));
        Assert.Equal(ApiKeyStatus.Active, after[newKey.Record.Id].StatusAt(Now));
        Assert.Equal(ApiKeyRevocationReason.Revoked, after[alreadyRevoked.Record.Id].RevokedReason);
    }

    [Fact]
    public async Task Records_the_last_use()
    {
        var issued = await Store.CreateAsync(Service(), Cancel);
        Assert.Null((await Store.GetAsync(issued.Record.Id, Cancel))!.LastUsedAt);

        await Store.RecordUseAsync(issued.Record.Id, Now, Cancel);

        Assert.Equal(Now, (await Store.GetAsync(issued.Record.Id, Cancel))!.LastUsedAt);
    }

    [Fact]
    public async Task Another_store_on_the_same_database_sees_a_revocation()
    {
        var issued = await Store.CreateAsync(Service(), Cancel);
        var cli = OpenSecondStore();

        await cli.RevokeAsync(issued.Record.Id, ApiKeyRevocationReason.Revoked, Cancel);

        Assert.Equal(ApiKeyRefusalReason.Revoked, (await Store.FindAsync(issued.Secret, Cancel))!.RefusalAt(Now));
    }

    private protected static NewApiKey Service() => new("default", [CallerRoles.Service]);
}
