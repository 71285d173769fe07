namespace Caduceus.Gateway.WebConsole.Accounts;

/// <summary>A person who may sign in to the web console. The password only as a PBKDF2 hash; the TOTP seed sealed.</summary>
public sealed record ConsoleAccount
{
    /// <summary>Identifier, safe to show and log (<c>cua_...</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The sign-in name, lower case.</summary>
    public required string Name { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public required string PasswordHash { get; init; }

    public required byte[] SealedTotpSeed { get; init; }

    /// <summary>The newest TOTP step used, so a code works once.</summary>
    public long? TotpLastStep { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>How the account appears in audit records and security events.</summary>
    public string Principal => "console:" + Name;

    public static string NewId() => "cua_" + Guid.CreateVersion7().ToString("N");
}
