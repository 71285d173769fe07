namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>
/// A passkey a console account registered as its second factor: the credential id the authenticator chose, its COSE
/// public key and the last signature counter seen. Nothing here is secret.
/// </summary>
public sealed record ConsolePasskey
{
    /// <summary>Identifier, safe to show and log (<c>cpk_...</c>).</summary>
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public string? Label { get; init; }

    public required byte[] CredentialId { get; init; }

    public required byte[] PublicKey { get; init; }

    public required uint SignCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public static string NewId() => "cpk_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}
