namespace Caduceus.Gateway.AdminMfa;

/// <summary>Pending passkey ceremonies. Each is taken at most once, so an answer cannot be replayed against its challenge.</summary>
internal interface IWebAuthnCeremonyStore
{
    Task AddAsync(WebAuthnCeremony ceremony, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes and returns the ceremony if it belongs to the key, has the purpose and has not expired.</summary>
    Task<WebAuthnCeremony?> TakeAsync(string id, string keyId, WebAuthnCeremonyPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);
}
