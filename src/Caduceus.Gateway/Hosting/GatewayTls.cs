using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Caduceus.Events;
using Caduceus.Gateway.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.Hosting;

/// <summary>
/// Puts the gateway's HTTPS in place: the server certificate, TLS 1.2 and 1.3 only, HSTS on every HTTPS answer, and
/// optional mutual TLS with a thumbprint allow-list for service clients.
/// </summary>
internal static class GatewayTls
{
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>The event code of a client certificate that is not on the allow-list.</summary>
    public const string ClientCertificateRefused = "client_certificate_refused";

    public static void Configure(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Tls").Get<TlsOptions>() ?? new TlsOptions();

        // The slim builder leaves HTTPS out until asked for.
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
        {
            https.SslProtocols = Protocols;
            if (options.CertificatePath is { Length: > 0 } path)
            {
                https.ServerCertificate = LoadCertificate(Path.Combine(builder.Environment.ContentRootPath, path), options);
            }

            https.ClientCertificateMode = options.ClientCertificates switch
            {
                ClientCertificateRequirement.Require => ClientCertificateMode.RequireCertificate,
                ClientCertificateRequirement.Allow => ClientCertificateMode.AllowCertificate,
                _ => ClientCertificateMode.NoCertificate,
            };
            if (options.ClientCertificates != ClientCertificateRequirement.None)
            {
                var trusted = options.TrustedClientThumbprints.Select(t => t.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

                // Service clients are pinned by thumbprint rather than chained to a public CA: a CA would vouch for
                // anyone it ever issued to.
                https.ClientCertificateValidation = (certificate, _, _) =>
                {
                    var thumbprint = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
                    if (trusted.Contains(thumbprint))
                    {
                        return true;
                    }

                    PublishRefusal(kestrel.ApplicationServices, thumbprint);
                    return false;
                };
            }
        }));

        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = options.HstsMaxAge;
            hsts.IncludeSubDomains = true;

            // The default skips localhost; a gateway answering on loopback over HTTPS still means it.
            hsts.ExcludedHosts.Clear();
        });
    }

    // The handshake fails before any request exists, so the event names the certificate, not a route or key.
    private static void PublishRefusal(IServiceProvider services, string thumbprint) =>
        services.GetRequiredService<SecurityEventBus>()
            .Publish(SecurityEventTypes.AuthenticationFailed, ClientCertificateRefused, null, "certificate:" + thumbprint, null);

    private static X509Certificate2 LoadCertificate(string path, TlsOptions options)
    {
        if (options.KeyPath is { Length: > 0 } keyPath)
        {
            return X509Certificate2.CreateFromPemFile(path, keyPath);
        }

        return LoadPkcs12(path, options.PasswordEnvironmentVariable);
    }

    /// <summary>A PFX/PKCS#12 file, its password (if any) read from the environment variable named.</summary>
    public static X509Certificate2 LoadPkcs12(string path, string? passwordEnvironmentVariable)
    {
        var password = passwordEnvironmentVariable is { Length: > 0 } variable ? Environment.GetEnvironmentVariable(variable) : null;
        return X509CertificateLoader.LoadPkcs12FromFile(path, password);
    }
}
