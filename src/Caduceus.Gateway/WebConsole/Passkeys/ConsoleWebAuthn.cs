using System.Security.Cryptography;
using System.Text;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>
/// The console's passkey ceremonies, carried out by the Fido2 library for the console's relying party and origins
/// (<see cref="ConsolePasskeyOrigins"/>). Each console account is one WebAuthn user, its user handle the account id.
/// User verification is required (the authenticator's PIN or biometric), and no attestation is asked for.
/// </summary>
internal sealed class ConsoleWebAuthn(ConsolePasskeyOrigins origins, IOptions<ConsoleOptions> options)
{
    /// <summary>Whose ceremony it is, in the shared ceremony store (admin key ids never start with this).</summary>
    public static string CeremonyOwner(string accountId) => "console:" + accountId;

    public static byte[] UserHandle(string accountId) => Encoding.UTF8.GetBytes(accountId);

    public CredentialCreateOptions RegistrationOptions(string accountId, string accountName, IEnumerable<byte[]> existingCredentialIds) =>
        Fido2().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserHandle(accountId), Name = accountName, DisplayName = accountName },
            ExcludeCredentials = existingCredentialIds.Select(id => new PublicKeyCredentialDescriptor(id)).ToArray(),
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Preferred,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });

    /// <exception cref="Fido2VerificationException">The authenticator's answer does not verify.</exception>
    public Task<RegisteredPublicKeyCredential> RegisterAsync(
        CredentialCreateOptions creation, AuthenticatorAttestationRawResponse answer, IsCredentialIdUniqueToUserAsyncDelegate isCredentialIdUnique, CancellationToken cancellationToken) =>
        Fido2().MakeNewCredentialAsync(
            new MakeNewCredentialParams { AttestationResponse = answer, OriginalOptions = creation, IsCredentialIdUniqueToUserCallback = isCredentialIdUnique },
            cancellationToken);

    /// <summary>Options for a sign-in: only the account's own passkeys are allowed.</summary>
    public AssertionOptions AssertionOptions(IEnumerable<byte[]> credentialIds) =>
        Fido2().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = credentialIds.Select(id => new PublicKeyCredentialDescriptor(id)).ToArray(),
            UserVerification = UserVerificationRequirement.Required,
        });

    /// <summary>Verifies an assertion made with <paramref name="passkey"/>; returns the new signature counter.</summary>
    /// <exception cref="Fido2VerificationException">The assertion does not verify (signature, challenge, origin, counter, owner, user verification).</exception>
    public async Task<uint> VerifyAsync(AssertionOptions assertion, AuthenticatorAssertionRawResponse answer, ConsolePasskey passkey, CancellationToken cancellationToken)
    {
        var result = await Fido2().MakeAssertionAsync(
            new MakeAssertionParams
            {
                AssertionResponse = answer,
                OriginalOptions = assertion,
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (owner, _) => Task.FromResult(
                    CryptographicOperations.FixedTimeEquals(owner.UserHandle, UserHandle(passkey.AccountId))
                    && owner.CredentialId.AsSpan().SequenceEqual(passkey.CredentialId)),
            },
            cancellationToken);
        return result.SignCount;
    }

    private Fido2 Fido2()
    {
        var passkeys = options.Value.Passkeys;
        return new Fido2(new Fido2Configuration
        {
            RPID = passkeys.RelyingPartyId,
            RPName = passkeys.RelyingPartyName,
            Origins = new HashSet<string>(origins.Allowed(), StringComparer.Ordinal),
            Timeout = (uint)passkeys.CeremonyTimeout.TotalMilliseconds,
        });
    }
}
