namespace Caduceus.Gateway.Verification;

/// <summary>Where a conversation's caller stands.</summary>
public enum VerificationStatus
{
    Unverified,
    CodeSent,
    Verified,
}

/// <summary>The verification state of one conversation: whom the caller claims or proved to be, and until when.</summary>
internal sealed record ConversationVerification(VerificationStatus Status, string? PatientId, DateTimeOffset ExpiresAt, byte[]? CodeHash)
{
    /// <summary>When the caller proved who they are; null unless verified.</summary>
    public DateTimeOffset? VerifiedAt { get; init; }

    public static ConversationVerification Unverified { get; } = new(VerificationStatus.Unverified, null, DateTimeOffset.MaxValue, null);

    public bool IsVerified => Status == VerificationStatus.Verified;
}
