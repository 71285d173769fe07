using System.Security.Cryptography;
using System.Text;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// The passkey ceremonies, carried out by the Fido2 library with the relying party and origin from
/// <see cref="AdminWebAuthnOptions"/>. Each admin key is one WebAuthn user, its user handle the key id's bytes.
/// No attestation is asked for: a passkey here is a second factor the admin chose, not a vetted device model.
/// </summary>
internal sealed class AdminWebAuthn
{
    private readonly Fido2 _fido2;

    public AdminWebAuthn(IOptions<AdminMfaOptions> options)
    {
        var webAuthn = options.Value.WebAuthn;
        _fido2 = new Fido2(new Fido2Configuration
        {
            RPID = webAuthn.RelyingPartyId,
            RPName = webAuthn.RelyingPartyName,
            Origins = new HashSet<string>(StringComparer.Ordinal) { webAuthn.Origin },
            Timeout = (uint)webAuthn.CeremonyTimeout.TotalMilliseconds,
        });
    }

    public static byte[] UserHandle(string keyId) => Encoding.UTF8.GetBytes(keyId);

    public CredentialCreateOptions RegistrationOptions(string keyId, string? label, IEnumerable<byte[]> existingCredentialIds) =>
        _fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserHandle(keyId), Name = keyId, DisplayName = label ?? keyId },
            ExcludeCredentials = existingCredentialIds.Select(id => new PublicKeyCredentialDescriptor(id)).ToArray(),
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Preferred,
                UserVerification = UserVerificationRequirement.Preferred,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });

    /// <exception cref="Fido2VerificationException">The authenticator's answer does not verify.</exception>
    public Task<RegisteredPublicKeyCredential> RegisterAsync(
        CredentialCreateOptions options,
        AuthenticatorAttestationRawResponse answer,
        IsCredentialIdUniqueToUserAsyncDelegate isCredentialIdUnique,
        CancellationToken cancellationToken) =>
        _fido2.MakeNewCredentialAsync(
            new MakeNewCredentialParams { AttestationResponse = answer, OriginalOptions = options, IsCredentialIdUniqueToUserCallback = isCredentialIdUnique },
            cancellationToken);

    public AssertionOptions AssertionOptions(IEnumerable<byte[]> credentialIds) =>
        _fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = credentialIds.Select(id => new PublicKeyCredentialDescriptor(id)).ToArray(),
            UserVerification = UserVerificationRequirement.Preferred,
        });

    /// <summary>Verifies an assertion made with <paramref name="factor"/>'s passkey; returns the new signature counter.</summary>
    /// <exception cref="Fido2VerificationException">The assertion does not verify (signature, challenge, origin, counter, owner).</exception>
    public async Task<uint> VerifyAsync(AssertionOptions options, AuthenticatorAssertionRawResponse answer, MfaFactor factor, CancellationToken cancellationToken)
    {
        var result = await _fido2.MakeAssertionAsync(
            new MakeAssertionParams
            {
                AssertionResponse = answer,
                OriginalOptions = options,
                StoredPublicKey = factor.PublicKey!,
                StoredSignatureCounter = factor.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (owner, _) => Task.FromResult(
                    CryptographicOperations.FixedTimeEquals(owner.UserHandle, UserHandle(factor.KeyId))
                    && owner.CredentialId.AsSpan().SequenceEqual(factor.CredentialId)),
            },
            cancellationToken);
        return result.SignCount;
    }
}
