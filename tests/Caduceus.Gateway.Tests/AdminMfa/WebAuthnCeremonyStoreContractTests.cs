using Caduceus.Gateway.AdminMfa;

namespace Caduceus.Gateway.Tests.AdminMfa;

/// <summary>What every <see cref="IWebAuthnCeremonyStore"/> must do; each store runs these through a derived class.</summary>
public abstract class WebAuthnCeremonyStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);

    private IWebAuthnCeremonyStore? _store;

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected IWebAuthnCeremonyStore Store => _store!;

    public async ValueTask InitializeAsync() => _store = await OpenStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        GC.SuppressFinalize(this);
    }

    private protected abstract Task<IWebAuthnCeremonyStore> OpenStoreAsync();

    private protected abstract ValueTask CloseAsync();

    [Fact]
    public async Task A_ceremony_is_taken_once_with_what_was_stored()
    {
        var ceremony = Ceremony(WebAuthnCeremonyPurpose.Registration, Now.AddMinutes(5));
        await Store.AddAsync(ceremony, Now, Cancel);

        var taken = await Store.TakeAsync(ceremony.Id, ceremony.KeyId, ceremony.Purpose, Now, Cancel);

        Assert.Equal(ceremony, taken);
        Assert.Null(await Store.TakeAsync(ceremony.Id, ceremony.KeyId, ceremony.Purpose, Now, Cancel));
    }

    [Fact]
    public async Task Takes_racing_for_one_ceremony_give_it_to_exactly_one()
    {
        var ceremony = Ceremony(WebAuthnCeremonyPurpose.Assertion, Now.AddMinutes(5));
        await Store.AddAsync(ceremony, Now, Cancel);

        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.TakeAsync(ceremony.Id, ceremony.KeyId, ceremony.Purpose, Now, Cancel)));

        Assert.Single(taken, found => found is not null);
    }

    [Fact]
    public async Task Another_key_or_purpose_takes_nothing_and_leaves_the_ceremony()
    {
        var ceremony = Ceremony(WebAuthnCeremonyPurpose.Assertion, Now.AddMinutes(5));
        await Store.AddAsync(ceremony, Now, Cancel);

        Assert.Null(await Store.TakeAsync(ceremony.Id, "key_other", ceremony.Purpose, Now, Cancel));
        Assert.Null(await Store.TakeAsync(ceremony.Id, ceremony.KeyId, WebAuthnCeremonyPurpose.Registration, Now, Cancel));
        Assert.NotNull(await Store.TakeAsync(ceremony.Id, ceremony.KeyId, ceremony.Purpose, Now, Cancel));
    }

    [Fact]
    public async Task An_expired_ceremony_is_not_returned()
    {
        var ceremony = Ceremony(WebAuthnCeremonyPurpose.Registration, Now.AddMinutes(5));
        await Store.AddAsync(ceremony, Now, Cancel);

        Assert.Null(await Store.TakeAsync(ceremony.Id, ceremony.KeyId, ceremony.Purpose, Now.AddMinutes(5), Cancel));
    }

    private static WebAuthnCeremony Ceremony(WebAuthnCeremonyPurpose purpose, DateTimeOffset expiresAt) =>
        new(WebAuthnCeremony.NewId(), "key_admin", purpose, "laptop", """{"challenge":"abc"}""", expiresAt);
}
