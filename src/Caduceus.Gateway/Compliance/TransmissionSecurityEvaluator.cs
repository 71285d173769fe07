using System.Net;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Transmission security (HIPAA 164.312(e)(1)): the gateway's own addresses serve HTTPS, and every application's
/// upstream is HTTPS unless it never leaves the machine (loopback).
/// </summary>
internal static class TransmissionSecurityEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var settings = state.Settings;
        var tls = settings.Gateway.Tls;
        var evidence = new ControlEvidence(control)
            .Add("Urls", settings.Urls)
            .Add("Tls:CertificatePath", tls.CertificatePath is { Length: > 0 } certificate ? certificate : "not set")
            .Add("Tls:HstsMaxAge", tls.HstsMaxAge)
            .Add("Tls:ClientCertificates", tls.ClientCertificates.ToString())
            .Add("UpstreamTls:PinnedPublicKeys", settings.UpstreamTls.PinnedPublicKeys.Count);
        var gaps = new List<string>();
        var plain = settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(url => !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        if (plain.Length > 0)
        {
            gaps.Add($"The gateway listens without TLS on {string.Join(", ", plain)}; a TLS proxy in front of it is not something the gateway can show.");
        }
        else if (string.IsNullOrEmpty(tls.CertificatePath))
        {
            gaps.Add("HTTPS addresses are configured but Tls:CertificatePath is not set.");
        }

        foreach (var (name, application) in settings.Gateway.Applications.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var upstream = application.Upstream.BaseUrl;
            evidence.Add($"Applications:{name}:Upstream:BaseUrl", upstream ?? "not set");
            if (upstream is not null && !IsProtected(upstream))
            {
                gaps.Add($"Application '{name}' sends prompts to its model without TLS.");
            }
        }

        return evidence.PassUnless(gaps, "The gateway serves only HTTPS (TLS 1.2 or 1.3, HSTS) and reaches every model over HTTPS or on this machine's loopback.");
    }

    private static bool IsProtected(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));
}
