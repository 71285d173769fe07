namespace Caduceus.Gateway.Keys;

/// <summary>What the gateway knows about a client key: never the key itself.</summary>
public sealed record ApiKeyRecord
{
    /// <summary>Identifier, safe to show and log (<c>key_...</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The protected application the key acts for.</summary>
    public required string Application { get; init; }

    /// <summary>The key's roles (see <see cref="Caduceus.Identity.CallerRoles"/>), in their canonical order.</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>An operator's note on what the key is for; not a secret, but not logged either.</summary>
    public string? Label { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>From this moment on the key is refused; null when it does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public ApiKeyRevocationReason? RevokedReason { get; init; }

    /// <summary>
    /// When the key was last accepted, to within <see cref="ApiKeyUsageRecorder.WriteInterval"/>; null when never.
    /// </summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>After a rotation, until when the replaced secret is still accepted; null when there is none.</summary>
    public DateTimeOffset? PreviousSecretValidUntil { get; init; }

    public ApiKeyStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? ApiKeyStatus.Revoked
        : ExpiresAt <= now ? ApiKeyStatus.Expired
        : ApiKeyStatus.Active;

    /// <summary>True when the key is still active but has not been used (or, if never used, created) since <paramref name="cutoff"/>.</summary>
    public bool IsUnusedSince(DateTimeOffset cutoff, DateTimeOffset now) =>
        StatusAt(now) == ApiKeyStatus.Active && (LastUsedAt ?? CreatedAt) <= cutoff;
}
