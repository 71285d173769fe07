namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// An admin's MFA session: bound to one admin key, opened by a second-factor proof. <see cref="VerifiedAt"/> is the
/// latest proof (the opening or a step-up), which dangerous actions look at.
/// </summary>
internal sealed record AdminSession(byte[] TokenHash, string KeyId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset VerifiedAt)
{
    /// <summary>A short, loggable handle for the session: the start of its token's hash, never the token.</summary>
    public string Handle => "ses_" + Convert.ToHexStringLower(TokenHash.AsSpan(0, 6));

    /// <summary>Whether it is still open at <paramref name="now"/>, and if not, why (<c>session_idle</c> or <c>session_expired</c>).</summary>
    public string? EndReasonAt(DateTimeOffset now, AdminMfaOptions options)
    {
        if (now >= CreatedAt + options.SessionMaxLifetime)
        {
            return "session_expired";
        }

        return now >= LastSeenAt + options.SessionIdleTimeout ? "session_idle" : null;
    }

    public DateTimeOffset ExpiresAt(AdminMfaOptions options)
    {
        var idleEnd = LastSeenAt + options.SessionIdleTimeout;
        var maxEnd = CreatedAt + options.SessionMaxLifetime;
        return idleEnd < maxEnd ? idleEnd : maxEnd;
    }

    public bool HasRecentProof(DateTimeOffset now, AdminMfaOptions options) => now < VerifiedAt + options.StepUpWindow;
}
