using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// The identity of an attack payload shared with other organisations: SHA-256 (lower-case hex) of its text after
/// NFKC, with invisible format characters removed, lower-cased (invariant) and white space runs collapsed to one
/// space, trimmed. Small evasions (case, spacing, zero-width characters, full-width letters) hash the same.
/// </summary>
internal static class AttackPayloadHash
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = SafeNormalize(text);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    public static bool IsHash(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    // Lone surrogates make Normalize (and IsNormalized) throw; an attacker controls the text, so they become U+FFFD.
    // Normalize returns the same string, without copying, when it is already normalized.
    private static string SafeNormalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Normalize(NormalizationForm.FormKC);
        }
    }
}
