using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Caduceus.Cli.Tests.Commands;

public sealed class CheckTlsCommandTests
{
    private static readonly string WorkDir = Directory.CreateTempSubdirectory("caduceus-cli-tls-").FullName;

    [Fact]
    public async Task Reports_protocol_chain_pin_and_expiry_and_fails_on_an_untrusted_certificate()
    {
        using var certificate = SelfSigned(days: 90);
        await using var server = await StartHttpsAsync(certificate);

        var (exit, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "check", "tls", server.Urls.First(), "--json");

        Assert.Equal(1, exit);
        var report = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!;
        Assert.Contains(report["protocol"]!.GetValue<string>(), new[] { "TLS 1.2", "TLS 1.3" });
        Assert.False(string.IsNullOrEmpty(report["cipher_suite"]!.GetValue<string>()));
        var leaf = report["chain"]![0]!;
        Assert.Equal(Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)), leaf["sha256"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo())), leaf["public_key_pin"]!.GetValue<string>());
        Assert.InRange(report["days_until_expiry"]!.GetValue<int>(), 88, 90);
        Assert.Contains(report["problems"]!.AsArray(), p => p!.GetValue<string>().StartsWith("chain:", StringComparison.Ordinal));
        Assert.False(report["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_certificate_close_to_expiry_is_a_problem()
    {
        using var certificate = SelfSigned(days: 5);
        await using var server = await StartHttpsAsync(certificate);

        var (_, stdout, _) = await CliProcess.RunAsync(WorkDir, null, "check", "tls", server.Urls.First(), "--json", "--warn-days", "30");

        var report = JsonNode.Parse(stdout.Trim().Split('\n')[^1])!;
        Assert.Contains(report["problems"]!.AsArray(), p => p!.GetValue<string>().Contains("expires in", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:1", "not an https:// URL")]
    [InlineData("https://127.0.0.1:1", "no TLS handshake")]
    public async Task Bad_or_unreachable_endpoints_exit_2_with_one_line(string url, string expected)
    {
        var (exit, _, stderr) = await CliProcess.RunAsync(WorkDir, null, "check", "tls", url, "--timeout", "5");

        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    private static X509Certificate2 SelfSigned(int days)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(days).AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static async Task<WebApplication> StartHttpsAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        await app.StartAsync();
        return app;
    }
}
