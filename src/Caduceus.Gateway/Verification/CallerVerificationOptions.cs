namespace Caduceus.Gateway.Verification;

/// <summary>
/// Whether an application (a phone or chat assistant) must verify who is calling before answers may carry a patient's
/// PHI, and how (<c>Applications:NAME:CallerVerification</c>).
/// </summary>
public sealed class CallerVerificationOptions
{
    /// <summary>When true, answers are held to the caller's verification state; off by default.</summary>
    public bool Required { get; set; }

    /// <summary>What the caller must prove, all of them. A name and date of birth are always asked for.</summary>
    public List<VerificationFactor> Factors { get; set; } = [VerificationFactor.Name, VerificationFactor.DateOfBirth, VerificationFactor.OneTimeCode];

    /// <summary>What happens to PHI in an answer before the caller is verified: Redact (default) or Block.</summary>
    public UnverifiedAnswerAction Unverified { get; set; } = UnverifiedAnswerAction.Redact;

    /// <summary>Failed attempts allowed per conversation and per client address within <see cref="Lockout"/>.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a conversation or address stays locked after too many failures.</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a one-time code stays valid.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a verification lasts before the caller must verify again.</summary>
    public TimeSpan VerifiedLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Values that are not any patient's and may appear in every answer: the practice's phone number, its address,
    /// clinicians' names. Anything else that identifies a person must be the verified caller's.
    /// </summary>
    public List<string> PublicValues { get; set; } = [];
}

/// <summary>A fact the caller must state (or a code the caller must read back) to be verified.</summary>
public enum VerificationFactor
{
    Name,
    DateOfBirth,
    OneTimeCode,
}

/// <summary>What an answer's PHI gets while the caller is not verified.</summary>
public enum UnverifiedAnswerAction
{
    Redact,
    Block,
}
