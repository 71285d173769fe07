using System.Security.Cryptography;
using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Lockout;
using Caduceus.Gateway.WebConsole.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>
/// Signs people in to the console with a password and a TOTP code, resolves their session cookie on every request,
/// and checks step-up codes before dangerous actions. Every success and failure is a security event.
/// </summary>
internal sealed class ConsoleSignIn(
    IConsoleAccountStore accounts,
    IConsoleSessionStore sessions,
    ConsoleTotpCipher totp,
    ConsoleFailureLimiter limiter,
    SecurityEventBus events,
    TimeProvider timeProvider,
    IOptions<ConsoleOptions> options)
{
    /// <summary>The event reason when an attempt is refused unchecked because the shared failure counters cannot be reached.</summary>
    internal const string LockoutUnavailable = "lockout_unavailable";

    private const string WrongCredentials = "The name, password or code is not right.";

    /// <summary>Checks all three factors; on success opens a session and returns its token (for the cookie only).</summary>
    public async Task<(ConsoleProof Proof, string? Token)> SignInAsync(string? name, string? password, string? code, string? address, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckSignInAsync(name, password, code, address, cancellationToken);
        }
        catch (FailureCountersUnavailableException)
        {
            events.Publish(ConsoleEvents.LoginFailed, LockoutUnavailable, null, null, "/console/login");
            return (ConsoleProof.Unavailable(), null);
        }
    }

    private async Task<(ConsoleProof Proof, string? Token)> CheckSignInAsync(string? name, string? password, string? code, string? address, CancellationToken cancellationToken)
    {
        var normalized = (name ?? string.Empty).Trim().ToLowerInvariant();
        if (await limiter.LockedForAsync(normalized, address, cancellationToken) is { } wait)
        {
            events.Publish(ConsoleEvents.LoginFailed, "locked", null, null, "/console/login");
            return (ConsoleProof.Locked(wait), null);
        }

        var account = normalized.Length == 0 ? null : await accounts.FindByNameAsync(normalized, cancellationToken);
        var passwordMatches = ConsolePasswords.Verify(password ?? string.Empty, account?.PasswordHash);
        if (account is null || account.DisabledAt is not null || !passwordMatches || !await CodeMatchesAsync(account, code, cancellationToken))
        {
            await limiter.RecordFailureAsync(normalized, address, cancellationToken);
            // An unknown name is not echoed into the event: people type passwords into name fields.
            events.Publish(ConsoleEvents.LoginFailed, "invalid_credentials", null, account?.Principal, "/console/login");
            return (ConsoleProof.Refused(WrongCredentials), null);
        }

        await limiter.RecordSuccessAsync(normalized, cancellationToken);
        return (ConsoleProof.Ok, await OpenSessionAsync(account, null, cancellationToken));
    }

    /// <summary>
    /// Opens a session for an account whose password and second factor were checked, and returns its token (for the
    /// cookie only). <paramref name="method"/> names the second factor in the success event when it is not the code.
    /// </summary>
    public async Task<string> OpenSessionAsync(ConsoleAccount account, string? method, CancellationToken cancellationToken)
    {
        var token = ConsoleSessionTokens.Generate();
        var now = timeProvider.GetUtcNow();
        // Ended sessions are refused when used, but their rows would stay for ever: each sign-in sweeps them out.
        await sessions.PurgeEndedAsync(now - options.Value.SessionIdleTimeout, now - options.Value.SessionMaxLifetime, cancellationToken);
        await sessions.AddAsync(new ConsoleSession(ConsoleSessionTokens.Hash(token), account.Id, now, now, null), cancellationToken);
        events.Publish(ConsoleEvents.LoginSucceeded, method, null, account.Principal, "/console/login");
        return token;
    }

    /// <summary>Marks the session stepped up after a second-factor proof checked elsewhere (a passkey).</summary>
    public async Task MarkSteppedUpAsync(ConsoleUser user, string route, CancellationToken cancellationToken)
    {
        await sessions.MarkSteppedUpAsync(user.Session.TokenHash, timeProvider.GetUtcNow(), cancellationToken);
        events.Publish(ConsoleEvents.StepUpSucceeded, "passkey", null, user.Account.Principal, route);
    }

    /// <summary>The person whose live session the request's cookie names, or null (no cookie, unknown, ended, disabled account).</summary>
    public async Task<ConsoleUser?> ResolveAsync(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(ConsoleSessionTokens.CookieName, out var token) || token is null || !token.StartsWith(ConsoleSessionTokens.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = ConsoleSessionTokens.Hash(token);
        var session = await sessions.FindAsync(hash, context.RequestAborted);
        if (session is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var limits = options.Value;
        if (now - session.LastSeenAt > limits.SessionIdleTimeout || now - session.CreatedAt > limits.SessionMaxLifetime)
        {
            await sessions.RemoveAsync(hash, context.RequestAborted);
            return null;
        }

        var account = await accounts.FindByIdAsync(session.AccountId, context.RequestAborted);
        if (account is null || account.DisabledAt is not null)
        {
            return null;
        }

        await sessions.TouchAsync(hash, now, context.RequestAborted);
        return new ConsoleUser(account, session);
    }

    /// <summary>True when the person proved a fresh code within the step-up window.</summary>
    public bool IsSteppedUp(ConsoleUser user) =>
        user.Session.SteppedUpAt is { } at && timeProvider.GetUtcNow() - at <= options.Value.StepUpWindow;

    /// <summary>Checks a fresh TOTP code for a dangerous action; on success the session counts as stepped up for the window.</summary>
    public async Task<ConsoleProof> StepUpAsync(ConsoleUser user, string? code, string? address, string route, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckStepUpAsync(user, code, address, route, cancellationToken);
        }
        catch (FailureCountersUnavailableException)
        {
            events.Publish(ConsoleEvents.StepUpFailed, LockoutUnavailable, null, user.Account.Principal, route);
            return ConsoleProof.Unavailable();
        }
    }

    private async Task<ConsoleProof> CheckStepUpAsync(ConsoleUser user, string? code, string? address, string route, CancellationToken cancellationToken)
    {
        if (await limiter.LockedForAsync(user.Name, address, cancellationToken) is { } wait)
        {
            events.Publish(ConsoleEvents.StepUpFailed, "locked", null, user.Account.Principal, route);
            return ConsoleProof.Locked(wait);
        }

        if (!await CodeMatchesAsync(user.Account, code, cancellationToken))
        {
            await limiter.RecordFailureAsync(user.Name, address, cancellationToken);
            events.Publish(ConsoleEvents.StepUpFailed, "invalid_code", null, user.Account.Principal, route);
            return ConsoleProof.Refused("That code is not right, or was already used. Enter the current code from your authenticator app.");
        }

        await limiter.RecordSuccessAsync(user.Name, cancellationToken);
        await sessions.MarkSteppedUpAsync(user.Session.TokenHash, timeProvider.GetUtcNow(), cancellationToken);
        events.Publish(ConsoleEvents.StepUpSucceeded, null, null, user.Account.Principal, route);
        return ConsoleProof.Ok;
    }

    public Task SignOutAsync(ConsoleUser user, CancellationToken cancellationToken) => sessions.RemoveAsync(user.Session.TokenHash, cancellationToken);

    private async Task<bool> CodeMatchesAsync(ConsoleAccount account, string? code, CancellationToken cancellationToken)
    {
        if (!TotpCodes.TryNormalize(code, out var normalized))
        {
            return false;
        }

        var seed = totp.Open(account);
        try
        {
            return TotpCodes.TryMatch(seed, normalized, timeProvider.GetUtcNow(), out var step)
                && await accounts.UseTotpStepAsync(account.Id, step, cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }
}
