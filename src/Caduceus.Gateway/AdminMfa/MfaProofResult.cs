namespace Caduceus.Gateway.AdminMfa;

/// <summary>How a second-factor proof ended.</summary>
internal enum MfaProofOutcome
{
    /// <summary>The code or assertion proved the factor.</summary>
    Accepted,

    /// <summary>Wrong, replayed or forged: counted against the key and the address.</summary>
    Failed,

    /// <summary>The key or the address has no attempts left until <see cref="MfaProofResult.Lock"/> ends; nothing was checked.</summary>
    Locked,

    /// <summary>The request is not a proof at all (malformed); not counted.</summary>
    Malformed,

    /// <summary>The shared failure counters cannot be reached, so the proof was refused unchecked (fail closed).</summary>
    Unavailable,
}

/// <summary>
/// The outcome of a proof. <see cref="Reason"/> says why it failed for security events (<c>totp_invalid</c>,
/// <c>totp_replayed</c>, <c>passkey_invalid</c>, ...); it never holds the code or any part of the proof.
/// </summary>
internal sealed record MfaProofResult(MfaProofOutcome Outcome, string? Reason = null, MfaFactor? Factor = null, MfaLock? Lock = null, string? Detail = null)
{
    public static MfaProofResult Accepted(MfaFactor factor) => new(MfaProofOutcome.Accepted, Factor: factor);

    public static MfaProofResult Failed(string reason) => new(MfaProofOutcome.Failed, reason);

    public static MfaProofResult Malformed(string detail) => new(MfaProofOutcome.Malformed, "malformed_proof", Detail: detail);
}
