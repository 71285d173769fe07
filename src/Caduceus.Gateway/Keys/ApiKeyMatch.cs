namespace Caduceus.Gateway.Keys;

/// <summary>The key a presented secret belongs to, and whether it was the secret a rotation replaced.</summary>
public sealed record ApiKeyMatch(ApiKeyRecord Record, bool IsPreviousSecret)
{
    /// <summary>Why the secret must be refused at <paramref name="now"/>, or null when it is accepted.</summary>
    public ApiKeyRefusalReason? RefusalAt(DateTimeOffset now) => Record.StatusAt(now) switch
    {
        ApiKeyStatus.Revoked => ApiKeyRefusalReason.Revoked,
        ApiKeyStatus.Expired => ApiKeyRefusalReason.Expired,
        _ when IsPreviousSecret && !(Record.PreviousSecretValidUntil > now) => ApiKeyRefusalReason.Replaced,
        _ => null,
    };
}
