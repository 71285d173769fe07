using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Caduceus.Gateway.AdminMfa;
using Fido2NetLib;

namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>Reads the authenticator's answer a console form carries as text (<c>PublicKeyCredential.toJSON()</c>).</summary>
internal static class ConsolePasskeyAnswer
{
    /// <summary>Far above any real answer (a few hundred bytes to a few KB), so a huge field is refused before parsing.</summary>
    private const int MaxLength = 32 * 1024;

    public static bool TryReadAssertion(string? text, [NotNullWhen(true)] out AuthenticatorAssertionRawResponse? answer)
    {
        answer = null;
        return TryParse(text, out var json) && WebAuthnJson.TryReadAssertion(json, out answer);
    }

    public static bool TryReadAttestation(string? text, [NotNullWhen(true)] out AuthenticatorAttestationRawResponse? answer)
    {
        answer = null;
        return TryParse(text, out var json) && WebAuthnJson.TryReadAttestation(json, out answer);
    }

    private static bool TryParse(string? text, out JsonElement json)
    {
        json = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            json = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
