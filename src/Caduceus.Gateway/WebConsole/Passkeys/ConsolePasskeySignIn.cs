using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Lockout;
using Caduceus.Gateway.WebConsole.Accounts;
using Caduceus.Gateway.WebConsole.Sessions;
using Fido2NetLib;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>
/// Sign-in with a password and a passkey (instead of the TOTP code), and passkey step-ups. The password is checked
/// first; only then does the gateway start a ceremony, bound to that account and allowing only its passkeys. The
/// answer must verify against that ceremony (taken once, so an answer cannot be replayed), with a passkey of that
/// account. Failures count against the same limits as codes, and every outcome is a security event.
/// </summary>
internal sealed class ConsolePasskeySignIn(
    IConsoleAccountStore accounts,
    IConsolePasskeyStore passkeys,
    IWebAuthnCeremonyStore ceremonies,
    ConsoleWebAuthn webAuthn,
    ConsoleFailureLimiter limiter,
    ConsoleSignIn signIn,
    SecurityEventBus events,
    TimeProvider timeProvider,
    IOptions<ConsoleOptions> options)
{
    private const string LoginRoute = "/console/login";
    private const string StartAgain = " Start again from the sign-in page.";

    /// <summary>Checks the password and, when the account has a passkey, starts a sign-in ceremony for it.</summary>
    public async Task<ConsolePasskeyChallenge> BeginAsync(string? name, string? password, string? address, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckPasswordAsync(name, password, address, cancellationToken);
        }
        catch (FailureCountersUnavailableException)
        {
            events.Publish(ConsoleEvents.LoginFailed, ConsoleSignIn.LockoutUnavailable, null, null, LoginRoute);
            return ConsolePasskeyChallenge.Refused(ConsoleProof.Unavailable());
        }
    }

    private async Task<ConsolePasskeyChallenge> CheckPasswordAsync(string? name, string? password, string? address, CancellationToken cancellationToken)
    {
        var normalized = Normalize(name);
        if (await limiter.LockedForAsync(normalized, address, cancellationToken) is { } wait)
        {
            events.Publish(ConsoleEvents.LoginFailed, "locked", null, null, LoginRoute);
            return ConsolePasskeyChallenge.Refused(ConsoleProof.Locked(wait));
        }

        var account = normalized.Length == 0 ? null : await accounts.FindByNameAsync(normalized, cancellationToken);
        var passwordMatches = ConsolePasswords.Verify(password ?? string.Empty, account?.PasswordHash);
        if (account is null || account.DisabledAt is not null || !passwordMatches)
        {
            await limiter.RecordFailureAsync(normalized, address, cancellationToken);
            events.Publish(ConsoleEvents.LoginFailed, "invalid_credentials", null, account?.Principal, LoginRoute);
            return ConsolePasskeyChallenge.Refused(ConsoleProof.Refused("The name or password is not right."));
        }

        var registered = await passkeys.ListAsync(account.Id, cancellationToken);
        if (registered.Count == 0)
        {
            events.Publish(ConsoleEvents.LoginFailed, "no_passkey", null, account.Principal, LoginRoute);
            return ConsolePasskeyChallenge.Refused(ConsoleProof.Refused(
                "This account has no passkey registered. Sign in with the code from your authenticator app; you can then register a passkey on the Passkeys page."));
        }

        var ceremony = await StartAssertionAsync(account, registered, cancellationToken);
        return new ConsolePasskeyChallenge(ConsoleProof.Ok, account.Name, ceremony.Id, ceremony.OptionsJson);
    }

    /// <summary>Checks the passkey's answer to the ceremony <see cref="BeginAsync"/> started; on success opens a session and returns its token.</summary>
    public async Task<(ConsoleProof Proof, string? Token)> CompleteAsync(string? name, string? ceremonyId, string? answer, string? address, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckAnswerAsync(name, ceremonyId, answer, address, cancellationToken);
        }
        catch (FailureCountersUnavailableException)
        {
            events.Publish(ConsoleEvents.LoginFailed, ConsoleSignIn.LockoutUnavailable, null, null, LoginRoute);
            return (ConsoleProof.Unavailable(), null);
        }
    }

    private async Task<(ConsoleProof Proof, string? Token)> CheckAnswerAsync(string? name, string? ceremonyId, string? answer, string? address, CancellationToken cancellationToken)
    {
        var normalized = Normalize(name);
        if (await limiter.LockedForAsync(normalized, address, cancellationToken) is { } wait)
        {
            events.Publish(ConsoleEvents.LoginFailed, "locked", null, null, LoginRoute);
            return (ConsoleProof.Locked(wait), null);
        }

        var account = normalized.Length == 0 ? null : await accounts.FindByNameAsync(normalized, cancellationToken);
        var (reason, message) = account is null || account.DisabledAt is not null
            ? ("ceremony_unknown", "This passkey sign-in is unknown, expired or already used.")
            : await VerifyAsync(account, ceremonyId, answer, cancellationToken);
        if (reason is not null)
        {
            await limiter.RecordFailureAsync(normalized, address, cancellationToken);
            events.Publish(ConsoleEvents.LoginFailed, reason, null, account?.Principal, LoginRoute);
            return (ConsoleProof.Refused(message + StartAgain), null);
        }

        await limiter.RecordSuccessAsync(normalized, cancellationToken);
        return (ConsoleProof.Ok, await signIn.OpenSessionAsync(account!, "passkey", cancellationToken));
    }

    /// <summary>Starts a step-up ceremony for the signed-in person; null when they have no passkey.</summary>
    public async Task<WebAuthnCeremony?> BeginStepUpAsync(ConsoleUser user, CancellationToken cancellationToken)
    {
        var registered = await passkeys.ListAsync(user.Account.Id, cancellationToken);
        return registered.Count == 0 ? null : await StartAssertionAsync(user.Account, registered, cancellationToken);
    }

    /// <summary>Checks a passkey step-up; on success the session counts as stepped up for the window.</summary>
    public async Task<ConsoleProof> StepUpAsync(ConsoleUser user, string? ceremonyId, string? answer, string? address, string route, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckStepUpAsync(user, ceremonyId, answer, address, route, cancellationToken);
        }
        catch (FailureCountersUnavailableException)
        {
            events.Publish(ConsoleEvents.StepUpFailed, ConsoleSignIn.LockoutUnavailable, null, user.Account.Principal, route);
            return ConsoleProof.Unavailable();
        }
    }

    private async Task<ConsoleProof> CheckStepUpAsync(ConsoleUser user, string? ceremonyId, string? answer, string? address, string route, CancellationToken cancellationToken)
    {
        if (await limiter.LockedForAsync(user.Name, address, cancellationToken) is { } wait)
        {
            events.Publish(ConsoleEvents.StepUpFailed, "locked", null, user.Account.Principal, route);
            return ConsoleProof.Locked(wait);
        }

        var (reason, message) = await VerifyAsync(user.Account, ceremonyId, answer, cancellationToken);
        if (reason is not null)
        {
            await limiter.RecordFailureAsync(user.Name, address, cancellationToken);
            events.Publish(ConsoleEvents.StepUpFailed, reason, null, user.Account.Principal, route);
            return ConsoleProof.Refused(message + " Try again, or enter the code from your authenticator app.");
        }

        await limiter.RecordSuccessAsync(user.Name, cancellationToken);
        await signIn.MarkSteppedUpAsync(user, route, cancellationToken);
        return ConsoleProof.Ok;
    }

    private async Task<WebAuthnCeremony> StartAssertionAsync(ConsoleAccount account, IReadOnlyList<ConsolePasskey> registered, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var assertion = webAuthn.AssertionOptions(registered.Select(p => p.CredentialId));
        var ceremony = new WebAuthnCeremony(
            WebAuthnCeremony.NewId(), ConsoleWebAuthn.CeremonyOwner(account.Id), WebAuthnCeremonyPurpose.Assertion, null, assertion.ToJson(), now + options.Value.Passkeys.CeremonyTimeout);
        await ceremonies.AddAsync(ceremony, now, cancellationToken);
        return ceremony;
    }

    /// <summary>Null reason when the answer holds; otherwise the event's reason and the person's message.</summary>
    private async Task<(string? Reason, string? Message)> VerifyAsync(ConsoleAccount account, string? ceremonyId, string? answer, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        // Taken before anything else is checked: whatever happens next, this ceremony's challenge is used up.
        var ceremony = string.IsNullOrEmpty(ceremonyId)
            ? null
            : await ceremonies.TakeAsync(ceremonyId, ConsoleWebAuthn.CeremonyOwner(account.Id), WebAuthnCeremonyPurpose.Assertion, now, cancellationToken);
        if (ceremony is null)
        {
            return ("ceremony_unknown", "This passkey request is unknown, expired or already used.");
        }

        if (!ConsolePasskeyAnswer.TryReadAssertion(answer, out var assertion))
        {
            return ("passkey_malformed", "The browser sent no usable passkey answer.");
        }

        var passkey = await passkeys.FindByCredentialIdAsync(assertion.RawId, cancellationToken);
        if (passkey is null || passkey.AccountId != account.Id)
        {
            return ("passkey_foreign", "That passkey is not registered to this account.");
        }

        uint signCount;
        try
        {
            signCount = await webAuthn.VerifyAsync(AssertionOptions.FromJson(ceremony.OptionsJson), assertion, passkey, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Fido2 reports a forged, replayed or malformed assertion with several exception types (its own, CBOR,
            // crypto, format); all mean the same here. Nothing of the assertion is logged.
            return ("passkey_invalid", "The passkey's answer did not verify: it was made for another request or site, without user verification, or is a replay.");
        }

        return await passkeys.RecordUseAsync(passkey, signCount, now, cancellationToken)
            ? (null, null)
            : ("passkey_replayed", "That passkey was used by another sign-in at the same moment.");
    }

    private static string Normalize(string? name) => (name ?? string.Empty).Trim().ToLowerInvariant();
}
