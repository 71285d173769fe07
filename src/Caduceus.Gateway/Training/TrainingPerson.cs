namespace Caduceus.Gateway.Training;

/// <summary>
/// A member of staff in the training register. <see cref="Id"/> is the identity the gateway knows them by when they
/// act: an admin key's id (<c>key_...</c>), <c>oidc:SUBJECT</c>, or <c>console:NAME</c>.
/// </summary>
public sealed record TrainingPerson
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>Their <see cref="TrainingRoles"/>, in canonical order.</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
