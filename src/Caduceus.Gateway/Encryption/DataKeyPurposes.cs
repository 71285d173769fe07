namespace Caduceus.Gateway.Encryption;

/// <summary>
/// What each data key protects. Each name is also the HKDF label the same key was derived with from the vault key
/// before envelope encryption, so a database from then keeps its data readable: see <see cref="DataKeyring.DerivedFrom"/>.
/// </summary>
public static class DataKeyPurposes
{
    /// <summary>AES-256-GCM of pseudonymized values in the vault.</summary>
    public const string PseudonymEncryption = "pseudonym encryption";

    /// <summary>HMAC of conversation (scope) ids in the vault.</summary>
    public const string ScopeId = "scope id";

    /// <summary>HMAC of values, to find a value's token in the vault.</summary>
    public const string ValueLookup = "value lookup";

    /// <summary>AES-256-GCM of admins' TOTP seeds.</summary>
    public const string AdminTotpSeed = "admin totp seed";

    /// <summary>The key of the hash, surrogate and date-shift operators, shared by the gateway and <c>caduceus redact</c>.</summary>
    public const string AnonymizationOperators = "anonymization operators";

    public static IReadOnlyList<string> All { get; } = [PseudonymEncryption, ScopeId, ValueLookup, AdminTotpSeed, AnonymizationOperators];
}
