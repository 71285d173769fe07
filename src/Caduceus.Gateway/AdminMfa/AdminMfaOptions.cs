namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// The <c>Admin</c> configuration section: how admins prove a second factor, how long their sessions live, and how
/// guessing is limited. Every default is what the README documents.
/// </summary>
public sealed class AdminMfaOptions
{
    public const string SectionName = "Admin";

    /// <summary>A session unused for this long ends.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends this long after it opened, however busy.</summary>
    public TimeSpan SessionMaxLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Dangerous actions need a second-factor proof at most this old (<see cref="DangerousAdminActions"/>).</summary>
    public TimeSpan StepUpWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed second-factor attempts one admin key may make per <see cref="FailureWindow"/>; beyond, 429.</summary>
    public int MaxFailuresPerKey { get; set; } = 5;

    /// <summary>Failed second-factor attempts one source address may make per <see cref="FailureWindow"/>, whatever the key.</summary>
    public int MaxFailuresPerAddress { get; set; } = 5;

    /// <summary>The window failures are counted in, from the first failure; a locked key or address waits until it ends.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The issuer an authenticator app shows beside the admin key's id.</summary>
    public string TotpIssuer { get; set; } = "Caduceus";

    /// <summary>Passkeys: the relying party the gateway is to browsers and authenticators.</summary>
    public AdminWebAuthnOptions WebAuthn { get; set; } = new();
}

/// <summary>The <c>Admin:WebAuthn</c> section. The defaults suit a console served on this machine's loopback.</summary>
public sealed class AdminWebAuthnOptions
{
    /// <summary>The relying party id: the origin's host or a registrable suffix of it (never an IP address).</summary>
    public string RelyingPartyId { get; set; } = "localhost";

    /// <summary>The name authenticators show.</summary>
    public string RelyingPartyName { get; set; } = "Caduceus";

    /// <summary>The web origin the admin console is served from, exactly as a browser reports it.</summary>
    public string Origin { get; set; } = "http://localhost:8080";

    /// <summary>How long a registration or login ceremony may take between options and answer.</summary>
    public TimeSpan CeremonyTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
