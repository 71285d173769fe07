using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Caduceus.Gateway.Forwarding;

/// <summary>Checks an upstream's certificate against public key pins (SHA-256 of SubjectPublicKeyInfo, base64).</summary>
internal sealed class UpstreamCertificatePins(IEnumerable<string> pins)
{
    private readonly HashSet<string> _pins = pins.Select(p => p.Trim()).ToHashSet(StringComparer.Ordinal);

    public static string PinOf(X509Certificate2 certificate) =>
        Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    /// <summary>True when the certificate names the host and it or a certificate of its chain carries a pinned key.</summary>
    public bool Accepts(X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        if (_pins.Contains(PinOf(certificate)))
        {
            return true;
        }

        return chain is not null && chain.ChainElements.Any(element => _pins.Contains(PinOf(element.Certificate)));
    }
}
