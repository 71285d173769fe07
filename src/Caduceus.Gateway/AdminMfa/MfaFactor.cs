namespace Caduceus.Gateway.AdminMfa;

/// <summary>The kinds of second factor an admin can enroll.</summary>
internal enum MfaFactorKind
{
    Totp,
    WebAuthn,
}

/// <summary>
/// One second factor of one admin key. A TOTP factor counts only once confirmed by a first valid code; a passkey is
/// confirmed by its registration ceremony. Secret material stays in the store: the seed sealed, the passkey's public key.
/// </summary>
internal sealed record MfaFactor
{
    public required string Id { get; init; }

    public required string KeyId { get; init; }

    public required MfaFactorKind Kind { get; init; }

    public string? Label { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>TOTP: the seed as <see cref="TotpSeedCipher"/> sealed it.</summary>
    public byte[]? SealedTotpSeed { get; init; }

    /// <summary>WebAuthn: the credential id the authenticator chose.</summary>
    public byte[]? CredentialId { get; init; }

    /// <summary>WebAuthn: the credential's COSE public key.</summary>
    public byte[]? PublicKey { get; init; }

    /// <summary>WebAuthn: the last signature counter seen.</summary>
    public uint SignCount { get; init; }

    public bool IsConfirmed => ConfirmedAt is not null;

    public static string NewId() => "mfa_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}
