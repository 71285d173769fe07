namespace Caduceus.Gateway.AdminMfa;

/// <summary>What a pending passkey ceremony is for.</summary>
internal enum WebAuthnCeremonyPurpose
{
    Registration,
    Assertion,
}

/// <summary>
/// A passkey ceremony between its options and the authenticator's answer: the options as sent (with their
/// challenge), for one admin key, used once.
/// </summary>
internal sealed record WebAuthnCeremony(string Id, string KeyId, WebAuthnCeremonyPurpose Purpose, string? Label, string OptionsJson, DateTimeOffset ExpiresAt)
{
    public static string NewId() => "cer_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
