using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Caduceus.Gateway.Siem;
using Caduceus.Gateway.Siem.Delivery;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Siem.Splunk;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Gateway.Tests.Siem;

public sealed class SyslogTlsExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("caduceus-syslog-tls-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Over_tls_a_collector_whose_certificate_chains_to_the_configured_ca_gets_octet_counted_rfc5424_with_cef()
    {
        using var ca = CreateCa("Caduceus Test Syslog CA");
        using var serverCertificate = IssueServerCertificate(ca);
        var caPath = Path.Combine(_directory, "ca.pem");
        await File.WriteAllTextAsync(caPath, ca.ExportCertificatePem(), Cancel);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        await using var harness = await GatewayHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Siem:Syslog:Host"] = "127.0.0.1",
            ["Siem:Syslog:Port"] = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Siem:Syslog:Protocol"] = "Tls",
            ["Siem:Syslog:ServerName"] = "localhost",
            ["Siem:Syslog:CaCertificatePath"] = caPath,
        });

        try
        {
            var eventId = await SiemTestEvents.SendBlockedRequestAsync(harness);
            using var connection = await listener.AcceptTcpClientAsync(Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel);
            await using var tls = new SslStream(connection.GetStream());
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = serverCertificate }, Cancel);
            var frame = Assert.Single(await SyslogExportTests.ReadFramesAsync(tls, 1));

            var match = SyslogExportTests.Rfc5424().Match(frame);
            Assert.True(match.Success, frame);
            Assert.Equal("request.blocked", match.Groups["msgid"].Value);
            Assert.StartsWith("CEF:0|Caduceus|Caduceus Gateway|", match.Groups["msg"].Value, StringComparison.Ordinal);
            Assert.Contains($"externalId={eventId}", frame, StringComparison.Ordinal);
            Assert.DoesNotContain(SiemTestEvents.Ssn, frame, StringComparison.Ordinal);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Over_tls_a_collector_with_a_certificate_from_another_ca_gets_nothing_and_the_events_wait_on_disk()
    {
        using var trusted = CreateCa("Caduceus Trusted CA");
        using var other = CreateCa("Some Other CA");
        using var serverCertificate = IssueServerCertificate(other);
        var caPath = Path.Combine(_directory, "ca.pem");
        await File.WriteAllTextAsync(caPath, trusted.ExportCertificatePem(), Cancel);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var exporter = new SiemExporter(
            new SyslogTransport(new SyslogOptions
            {
                Host = "127.0.0.1",
                Port = ((IPEndPoint)listener.LocalEndpoint).Port,
                Protocol = SyslogProtocol.Tls,
                ServerName = "localhost",
                CaCertificatePath = caPath,
            }),
            SplunkExportTests.FastRetries(),
            _directory,
            NullLogger<SiemExporter>.Instance);
        try
        {
            exporter.Publish(SiemTestEvents.Made(1));
            await exporter.StartAsync(Cancel);
            using var connection = await listener.AcceptTcpClientAsync(Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel);
            await using var tls = new SslStream(connection.GetStream());

            // With TLS 1.3 the collector's side of the handshake may finish before the gateway refuses the
            // certificate; either way not one byte of an event may come through.
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = serverCertificate }, Cancel);
                Assert.Equal(0, await tls.ReadAsync(new byte[256], Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(5), Cancel));
            }
            catch (Exception exception) when (exception is AuthenticationException or IOException)
            {
            }

            await LoopbackHttpReceiver.WaitUntilAsync(() => File.Exists(exporter.SpillPath), TimeSpan.FromSeconds(5), "the event was spilled");
            await exporter.StopAsync(Cancel);
            Assert.Equal(0, exporter.Acknowledged);
            Assert.Contains(SiemTestEvents.Made(1).Id, await File.ReadAllTextAsync(exporter.SpillPath, Cancel), StringComparison.Ordinal);
        }
        finally
        {
            exporter.Dispose();
            listener.Stop();
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 IssueServerCertificate(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }
}
