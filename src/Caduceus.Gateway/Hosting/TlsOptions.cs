namespace Caduceus.Gateway.Hosting;

/// <summary>HTTPS for the gateway's own endpoints (<c>Tls</c> section); used by every <c>https://</c> URL in <c>Urls</c>.</summary>
public sealed class TlsOptions
{
    /// <summary>The server certificate: a PFX/PKCS#12 file, or a PEM certificate with <see cref="KeyPath"/>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of a PEM certificate.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The name of an environment variable holding the PFX password (never the password itself in configuration).</summary>
    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>Mutual TLS for service clients: None (default), Allow or Require a client certificate.</summary>
    public ClientCertificateRequirement ClientCertificates { get; set; } = ClientCertificateRequirement.None;

    /// <summary>SHA-256 thumbprints (hex) of the client certificates accepted; required when client certificates are used.</summary>
    public List<string> TrustedClientThumbprints { get; set; } = [];

    /// <summary>HSTS max-age sent on HTTPS responses.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);
}

/// <summary>Whether clients must present a certificate.</summary>
public enum ClientCertificateRequirement
{
    None,
    Allow,
    Require,
}
