namespace Caduceus.Gateway.Keys;

/// <summary>What a key to be created is for: its application, its roles and, optionally, a label and an expiry.</summary>
/// <param name="Application">A configured application's name.</param>
/// <param name="Roles">Known roles (see <see cref="Caduceus.Identity.CallerRoles.TryParse"/>), at least one.</param>
/// <param name="Label">An operator's note on what the key is for.</param>
/// <param name="ExpiresAt">When the key stops working; null for never.</param>
public sealed record NewApiKey(string Application, IReadOnlyList<string> Roles, string? Label = null, DateTimeOffset? ExpiresAt = null)
{
    public const int MaxLabelLength = 200;
}
