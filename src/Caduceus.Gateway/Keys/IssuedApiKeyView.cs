namespace Caduceus.Gateway.Keys;

/// <summary>A key just created or rotated, with its secret (<see cref="Key"/>): shown this once, never again.</summary>
public sealed record IssuedApiKeyView(
    string Id,
    string Key,
    string Application,
    IReadOnlyList<string> Roles,
    string? Label,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? PreviousKeyValidUntil)
{
    public static IssuedApiKeyView From(IssuedApiKey issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        var record = issued.Record;
        return new IssuedApiKeyView(
            record.Id, issued.Secret, record.Application, record.Roles, record.Label, record.CreatedAt, record.ExpiresAt, record.PreviousSecretValidUntil);
    }
}
