namespace Caduceus.Gateway.Forwarding;

/// <summary>TLS towards the model services (<c>UpstreamTls</c> section): a client certificate and public key pins.</summary>
public sealed class UpstreamTlsOptions
{
    /// <summary>A PFX/PKCS#12 client certificate the gateway presents to upstreams that require mutual TLS.</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>The name of an environment variable holding the PFX password.</summary>
    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>
    /// Base64 SHA-256 hashes of SubjectPublicKeyInfo (as in HPKP). When set, an upstream's certificate chain must hold
    /// one of these keys and name the host; the pin then stands in for trust in a public CA, so a private upstream
    /// with its own certificate can be pinned.
    /// </summary>
    public List<string> PinnedPublicKeys { get; set; } = [];
}
