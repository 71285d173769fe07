using Caduceus.Identity;

namespace Caduceus.Gateway.Keys;

/// <summary>Turns a <see cref="NewApiKey"/> into the record a store saves, checked the same way by every store.</summary>
internal static class NewApiKeyRecord
{
    /// <exception cref="ArgumentException">No application, no or an unknown role, or too long a label.</exception>
    public static ApiKeyRecord Create(NewApiKey key, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(key.Application);
        if (key.Roles.Count == 0 || !key.Roles.All(CallerRoles.IsKnown))
        {
            throw new ArgumentException("A key needs at least one role, and only known roles.", nameof(key));
        }

        if (key.Label is { Length: > NewApiKey.MaxLabelLength })
        {
            throw new ArgumentException($"A key's label is at most {NewApiKey.MaxLabelLength} characters.", nameof(key));
        }

        return new ApiKeyRecord
        {
            Id = ApiKeySecrets.NewId(),
            Application = key.Application,
            Roles = CallerRoles.All.Where(key.Roles.Contains).ToArray(),
            Label = key.Label,
            CreatedAt = createdAt,
            ExpiresAt = key.ExpiresAt,
        };
    }
}
