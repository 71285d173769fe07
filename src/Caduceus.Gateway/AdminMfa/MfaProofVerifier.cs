using System.Security.Cryptography;
using Caduceus.Gateway.Lockout;
using Fido2NetLib;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// Checks an admin's second-factor proof: a TOTP code (one step either side, each step usable once per factor) or a
/// passkey assertion against a ceremony the gateway started for that key. Locked keys and addresses are refused before
/// anything is checked; every failure counts against both.
/// </summary>
internal sealed class MfaProofVerifier(
    IMfaFactorStore factors,
    IWebAuthnCeremonyStore ceremonies,
    TotpSeedCipher seeds,
    AdminWebAuthn webAuthn,
    MfaFailureLimiter limiter,
    TimeProvider timeProvider)
{
    public async Task<MfaProofResult> VerifyAsync(AdminCaller caller, MfaProofRequest proof, CancellationToken cancellationToken)
    {
        var hasCode = proof.TotpCode is not null;
        if (hasCode == (proof.CeremonyId is not null || proof.Assertion is not null))
        {
            return MfaProofResult.Malformed("Send either \"totp_code\", or \"ceremony_id\" with \"assertion\".");
        }

        if (hasCode)
        {
            return TotpCodes.TryNormalize(proof.TotpCode, out var code)
                ? await GuardedAsync(caller, token => VerifyCodeAsync(caller, code, token), cancellationToken)
                : MfaProofResult.Malformed("\"totp_code\" must be the 6 digits the authenticator app shows.");
        }

        if (proof.CeremonyId is not { Length: > 0 } ceremonyId || !WebAuthnJson.TryReadAssertion(proof.Assertion, out var assertion))
        {
            return MfaProofResult.Malformed("A passkey proof needs \"ceremony_id\" and \"assertion\" (the PublicKeyCredential as JSON).");
        }

        return await GuardedAsync(caller, token => VerifyPasskeyAsync(caller, ceremonyId, assertion, token), cancellationToken);
    }

    /// <summary>Confirms a pending TOTP factor with its first code; the code's step is then used up like any other.</summary>
    public async Task<MfaProofResult> ConfirmTotpAsync(AdminCaller caller, MfaFactor pending, string? code, CancellationToken cancellationToken) =>
        TotpCodes.TryNormalize(code, out var normalized)
            ? await GuardedAsync(caller, token => MatchAsync(pending, normalized, token), cancellationToken)
            : MfaProofResult.Malformed("\"code\" must be the 6 digits the authenticator app shows.");

    private async Task<MfaProofResult> GuardedAsync(AdminCaller caller, Func<CancellationToken, Task<MfaProofResult>> verify, CancellationToken cancellationToken)
    {
        try
        {
            if (await limiter.LockForAsync(caller, cancellationToken) is { } locked)
            {
                return new MfaProofResult(MfaProofOutcome.Locked, locked.Reason, Lock: locked);
            }

            var result = await verify(cancellationToken);
            switch (result.Outcome)
            {
                case MfaProofOutcome.Accepted:
                    await limiter.RecordSuccessAsync(caller, cancellationToken);
                    return result;
                case MfaProofOutcome.Failed:
                    return result with { Lock = await limiter.RecordFailureAsync(caller, cancellationToken) };
                default:
                    return result;
            }
        }
        catch (FailureCountersUnavailableException)
        {
            // Without the shared counts a failure could not be counted: refuse rather than allow unlimited guessing.
            return new MfaProofResult(MfaProofOutcome.Unavailable, "lockout_unavailable");
        }
    }

    private async Task<MfaProofResult> VerifyCodeAsync(AdminCaller caller, string code, CancellationToken cancellationToken)
    {
        var totpFactors = (await factors.ListAsync(caller.KeyId, cancellationToken)).Where(f => f is { Kind: MfaFactorKind.Totp, IsConfirmed: true });
        foreach (var factor in totpFactors)
        {
            var result = await MatchAsync(factor, code, cancellationToken);
            if (result.Outcome == MfaProofOutcome.Accepted || result.Reason == "totp_replayed")
            {
                return result;
            }
        }

        return MfaProofResult.Failed("totp_invalid");
    }

    private async Task<MfaProofResult> MatchAsync(MfaFactor factor, string code, CancellationToken cancellationToken)
    {
        var seed = seeds.Open(factor);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (!TotpCodes.TryMatch(seed, code, now, out var step))
            {
                return MfaProofResult.Failed("totp_invalid");
            }

            return await factors.TryUseTotpStepAsync(factor.Id, step, now, cancellationToken)
                ? MfaProofResult.Accepted(factor)
                : MfaProofResult.Failed("totp_replayed");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private async Task<MfaProofResult> VerifyPasskeyAsync(AdminCaller caller, string ceremonyId, AuthenticatorAssertionRawResponse assertion, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var ceremony = await ceremonies.TakeAsync(ceremonyId, caller.KeyId, WebAuthnCeremonyPurpose.Assertion, now, cancellationToken);
        if (ceremony is null)
        {
            return MfaProofResult.Failed("ceremony_unknown");
        }

        var factor = await factors.FindByCredentialIdAsync(assertion.RawId, cancellationToken);
        if (factor is not { Kind: MfaFactorKind.WebAuthn, IsConfirmed: true } || factor.KeyId != caller.KeyId)
        {
            return MfaProofResult.Failed("passkey_unknown");
        }

        uint signCount;
        try
        {
            signCount = await webAuthn.VerifyAsync(AssertionOptions.FromJson(ceremony.OptionsJson), assertion, factor, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Fido2 reports a forged or malformed assertion with several exception types (its own, CBOR, crypto,
            // format); all of them mean the same to us: this proof does not hold. Nothing of it is logged.
            return MfaProofResult.Failed("passkey_invalid");
        }

        await factors.RecordWebAuthnUseAsync(factor.Id, signCount, now, cancellationToken);
        return MfaProofResult.Accepted(factor);
    }
}
