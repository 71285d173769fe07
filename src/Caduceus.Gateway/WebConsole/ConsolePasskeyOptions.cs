namespace Caduceus.Gateway.WebConsole;

/// <summary>
/// The <c>Console:Passkeys</c> section. A passkey is bound to the relying party id, and each answer names the web
/// origin the browser was on; the console accepts only its own origin.
/// </summary>
public sealed class ConsolePasskeyOptions
{
    /// <summary>The relying party id: the console's host name or a registrable suffix of it (never an IP address).</summary>
    public string RelyingPartyId { get; set; } = "localhost";

    /// <summary>The name authenticators show.</summary>
    public string RelyingPartyName { get; set; } = "Caduceus console";

    /// <summary>
    /// The console's origin exactly as browsers report it (<c>https://console.example.org</c>). Empty: the origins
    /// the gateway itself listens on with <see cref="RelyingPartyId"/> as the host (<c>http://localhost:8080</c>),
    /// taken from the server's bound addresses, never from a request's Host header. Set it behind a proxy.
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>How long a registration or sign-in ceremony may take between its options and the authenticator's answer.</summary>
    public TimeSpan CeremonyTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
