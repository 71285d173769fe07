namespace Caduceus.Gateway.Keys;

/// <summary>A key as the admin API and <c>caduceus keys ... --json</c> show it: everything but a secret.</summary>
public sealed record ApiKeyView(
    string Id,
    string Application,
    IReadOnlyList<string> Roles,
    string? Label,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? RevokedReason,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? PreviousKeyValidUntil)
{
    public static ApiKeyView From(ApiKeyRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ApiKeyView(
            record.Id,
            record.Application,
            record.Roles,
            record.Label,
            record.StatusAt(now).ToString().ToLowerInvariant(),
            record.CreatedAt,
            record.ExpiresAt,
            record.RevokedAt,
            record.RevokedReason?.ToString().ToLowerInvariant(),
            record.LastUsedAt,
            record.PreviousSecretValidUntil > now ? record.PreviousSecretValidUntil : null);
    }
}
