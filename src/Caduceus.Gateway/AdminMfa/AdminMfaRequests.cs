using System.Text.Json;
using System.Text.Json.Serialization;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// A second-factor proof, for <c>POST /admin/session</c> and <c>POST /admin/session/step-up</c>: either
/// <c>{"totp_code": "123456"}</c> or <c>{"ceremony_id": "cer_...", "assertion": {PublicKeyCredential JSON}}</c>.
/// </summary>
internal sealed record MfaProofRequest(string? TotpCode, string? CeremonyId, JsonElement? Assertion);

/// <summary>Optional body of <c>POST /admin/mfa/totp</c> and <c>POST /admin/mfa/webauthn/options</c>: <c>{"label": "phone"}</c>.</summary>
internal sealed record MfaEnrollmentRequest(string? Label);

/// <summary>Body of <c>POST /admin/mfa/totp/{id}/confirm</c>: <c>{"code": "123456"}</c>.</summary>
internal sealed record TotpConfirmationRequest(string? Code);

/// <summary>Body of <c>POST /admin/mfa/webauthn</c>: <c>{"ceremony_id": "cer_...", "credential": {PublicKeyCredential JSON}}</c>.</summary>
internal sealed record PasskeyRegistrationRequest(string? CeremonyId, JsonElement? Credential);

/// <summary>Request bodies of the MFA endpoints; as elsewhere in the admin API, an unknown field is an error.</summary>
[JsonSerializable(typeof(MfaProofRequest))]
[JsonSerializable(typeof(MfaEnrollmentRequest))]
[JsonSerializable(typeof(TotpConfirmationRequest))]
[JsonSerializable(typeof(PasskeyRegistrationRequest))]
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
internal sealed partial class AdminMfaJsonContext : JsonSerializerContext;
