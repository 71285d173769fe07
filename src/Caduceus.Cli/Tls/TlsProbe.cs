using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Caduceus.Cli.Tls;

/// <summary>One certificate of the chain an endpoint presented.</summary>
internal sealed record TlsCertificateReport(string Subject, string Issuer, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string Sha256, string PublicKeyPin);

/// <summary>What a TLS handshake with an endpoint showed.</summary>
internal sealed record TlsReport(
    string Host,
    int Port,
    SslProtocols Protocol,
    TlsCipherSuite CipherSuite,
    IReadOnlyList<TlsCertificateReport> Chain,
    IReadOnlyList<string> ValidationErrors,
    int DaysUntilExpiry)
{
    /// <summary>The problems a security engineer would want fixed: old protocol, invalid or soon-expiring certificate.</summary>
    public IReadOnlyList<string> Problems(int warnDays)
    {
        var problems = new List<string>(ValidationErrors);
        if (Protocol is not (SslProtocols.Tls12 or SslProtocols.Tls13))
        {
            problems.Add($"protocol {Protocol} is older than TLS 1.2");
        }

        if (DaysUntilExpiry < 0)
        {
            problems.Add("the certificate has expired");
        }
        else if (DaysUntilExpiry < warnDays)
        {
            problems.Add($"the certificate expires in {DaysUntilExpiry} days");
        }

        return problems;
    }
}

/// <summary>Connects to an endpoint, completes a TLS handshake without trusting it, and reports what it saw.</summary>
internal static class TlsProbe
{
    public static async Task<TlsReport> ProbeAsync(Uri endpoint, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var port = endpoint.IsDefaultPort ? 443 : endpoint.Port;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.IdnHost, port, deadline.Token);

        X509Certificate2? leaf = null;
        X509Certificate2[] chain = [];
        var errors = new List<string>();
        await using var ssl = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, presented, policyErrors) =>
        {
            // Everything is accepted here so that it can be reported; the report says what was wrong.
            leaf = certificate is null ? null : new X509Certificate2(certificate);
            chain = presented?.ChainElements.Select(e => new X509Certificate2(e.Certificate)).ToArray() ?? [];
            if ((policyErrors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                errors.Add($"the certificate does not name {endpoint.IdnHost}");
            }

            if ((policyErrors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
            {
                errors.AddRange((presented?.ChainStatus ?? []).Select(s => $"chain: {s.StatusInformation.Trim()}").Distinct());
            }

            if ((policyErrors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                errors.Add("no certificate was presented");
            }

            return true;
        });
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = endpoint.IdnHost }, deadline.Token);

        var certificates = chain.Length > 0 ? chain : leaf is null ? [] : [leaf];
        var reports = certificates.Select(c => new TlsCertificateReport(
            c.Subject,
            c.Issuer,
            new DateTimeOffset(c.NotBefore.ToUniversalTime()),
            new DateTimeOffset(c.NotAfter.ToUniversalTime()),
            Convert.ToHexString(c.GetCertHash(HashAlgorithmName.SHA256)),
            Convert.ToBase64String(SHA256.HashData(c.PublicKey.ExportSubjectPublicKeyInfo())))).ToList();
        var days = leaf is null ? -1 : (int)Math.Floor((leaf.NotAfter.ToUniversalTime() - timeProvider.GetUtcNow().UtcDateTime).TotalDays);
        return new TlsReport(endpoint.IdnHost, port, ssl.SslProtocol, ssl.NegotiatedCipherSuite, reports, errors, days);
    }
}
