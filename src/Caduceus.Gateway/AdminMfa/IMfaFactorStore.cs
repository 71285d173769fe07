namespace Caduceus.Gateway.AdminMfa;

/// <summary>Admins' second factors, by admin key.</summary>
internal interface IMfaFactorStore
{
    Task AddAsync(MfaFactor factor, CancellationToken cancellationToken);

    Task<IReadOnlyList<MfaFactor>> ListAsync(string keyId, CancellationToken cancellationToken);

    Task<MfaFactor?> GetAsync(string keyId, string factorId, CancellationToken cancellationToken);

    Task<bool> HasConfirmedAsync(string keyId, CancellationToken cancellationToken);

    Task<MfaFactor?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a TOTP factor accepted the code of time step <paramref name="step"/> (and confirms it, if pending).
    /// False when that step or a later one was already used: the code is a replay. Atomic, so two requests racing
    /// with the same code cannot both win.
    /// </summary>
    Task<bool> TryUseTotpStepAsync(string factorId, long step, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a passkey's use and its new signature counter.</summary>
    Task RecordWebAuthnUseAsync(string factorId, uint signCount, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes a factor of the key, unless it is the key's last confirmed one; false when nothing was removed.</summary>
    Task<MfaFactorRemoval> RemoveAsync(string keyId, string factorId, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IMfaFactorStore.RemoveAsync"/> did.</summary>
internal enum MfaFactorRemoval
{
    Removed,
    NotFound,
    LastFactor,
}
