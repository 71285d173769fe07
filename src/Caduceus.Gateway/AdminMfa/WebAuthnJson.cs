using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Fido2NetLib;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>Reads the authenticator's answers as browsers send them (<c>PublicKeyCredential.toJSON()</c>, base64url fields).</summary>
internal static class WebAuthnJson
{
    public static bool TryReadAttestation(JsonElement? json, [NotNullWhen(true)] out AuthenticatorAttestationRawResponse? answer)
    {
        answer = TryRead<AuthenticatorAttestationRawResponse>(json);
        if (answer is { RawId.Length: > 0, Id.Length: > 0, Response: { AttestationObject.Length: > 0, ClientDataJson.Length: > 0 } })
        {
            return true;
        }

        answer = null;
        return false;
    }

    public static bool TryReadAssertion(JsonElement? json, [NotNullWhen(true)] out AuthenticatorAssertionRawResponse? answer)
    {
        answer = TryRead<AuthenticatorAssertionRawResponse>(json);
        if (answer is { RawId.Length: > 0, Id.Length: > 0, Response: { AuthenticatorData.Length: > 0, Signature.Length: > 0, ClientDataJson.Length: > 0 } })
        {
            return true;
        }

        answer = null;
        return false;
    }

    private static T? TryRead<T>(JsonElement? json)
        where T : class
    {
        if (json is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        try
        {
            return element.Deserialize<T>();
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
