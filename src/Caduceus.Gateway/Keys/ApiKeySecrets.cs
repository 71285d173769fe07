using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.Keys;

/// <summary>Generates and hashes client key secrets.</summary>
internal static class ApiKeySecrets
{
    /// <summary>Prefix that makes Caduceus keys recognisable to secret scanners.</summary>
    public const string Prefix = "cad_";

    /// <summary>Operator-chosen keys must be at least this long to carry enough entropy.</summary>
    public const int MinimumLength = 32;

    /// <summary>The columns every key store reads a key record from, in the order its reader expects.</summary>
    public const string RecordColumns =
        "id, application, roles, label, created_at, expires_at, revoked_at, revoked_reason, last_used_at, previous_valid_until";

    /// <summary>A new secret with 256 bits of entropy.</summary>
    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new key identifier, safe to show and log.</summary>
    public static string NewId() => "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// SHA-256 of the secret. A fast hash suffices because secrets are random with 256 bits of entropy
    /// (or at least <see cref="MinimumLength"/> characters for imported ones); there is nothing to brute-force.
    /// </summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Refuses an operator-chosen secret too short to carry enough entropy.</summary>
    public static void EnsureImportable(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (secret.Length < MinimumLength)
        {
            throw new ArgumentException($"An API key must be at least {MinimumLength} characters long.", nameof(secret));
        }
    }
}
