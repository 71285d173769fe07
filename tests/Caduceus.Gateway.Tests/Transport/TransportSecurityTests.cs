using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json.Nodes;
using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Tests.Transport;

public sealed class TransportSecurityTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Https(string pfx, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Tls:CertificatePath"] = pfx };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task Https_speaks_tls_1_2_or_later_and_sends_hsts()
    {
        using var server = TestCertificates.Create("localhost", server: true);
        await using var harness = await GatewayHarness.StartAsync(settings: Https(TestCertificates.WritePfx(server)), urls: "https://127.0.0.1:0");
        using var client = TestCertificates.ClientFor(harness.BaseAddress, server);

        using var response = await client.GetAsync("healthz", Cancel);
        var protocol = await NegotiatedProtocolAsync(harness.BaseAddress, SslProtocols.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.True(protocol is SslProtocols.Tls12 or SslProtocols.Tls13, $"negotiated {protocol}");
        Assert.Equal(SslProtocols.Tls12, await NegotiatedProtocolAsync(harness.BaseAddress, SslProtocols.Tls12));
    }

    [Fact]
    public async Task Mutual_tls_admits_only_pinned_client_certificates()
    {
        using var server = TestCertificates.Create("localhost", server: true);
        using var trusted = TestCertificates.Create("billing-service", server: false);
        using var stranger = TestCertificates.Create("someone-else", server: false);
        var settings = Https(TestCertificates.WritePfx(server), new()
        {
            ["Tls:ClientCertificates"] = "Require",
            ["Tls:TrustedClientThumbprints:0"] = TestCertificates.Thumbprint(trusted),
        });
        await using var harness = await GatewayHarness.StartAsync(settings: settings, urls: "https://127.0.0.1:0");

        using var withTrusted = TestCertificates.ClientFor(harness.BaseAddress, server, trusted);
        using var withStranger = TestCertificates.ClientFor(harness.BaseAddress, server, stranger);
        using var withNone = TestCertificates.ClientFor(harness.BaseAddress, server);

        using var admitted = await withTrusted.GetAsync("healthz", Cancel);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => withStranger.GetAsync("healthz", Cancel));
        await Assert.ThrowsAsync<HttpRequestException>(() => withNone.GetAsync("healthz", Cancel));
        Assert.Contains(harness.Events.Snapshot(), e => e.Code == "client_certificate_refused" && e.Principal == "certificate:" + TestCertificates.Thumbprint(stranger));
    }

    [Fact]
    public async Task An_upstream_is_reached_only_when_its_public_key_matches_a_pin()
    {
        using var upstreamCertificate = TestCertificates.Create("localhost", server: true);
        await using var upstream = await StartHttpsUpstreamAsync(upstreamCertificate);
        using var other = TestCertificates.Create("localhost", server: true);

        await using var pinned = await GatewayHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["UpstreamTls:PinnedPublicKeys:0"] = TestCertificates.PublicKeyPin(upstreamCertificate) },
            upstreamOverride: upstream.Urls.First() + "/v1");
        await using var mispinned = await GatewayHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["UpstreamTls:PinnedPublicKeys:0"] = TestCertificates.PublicKeyPin(other) },
            upstreamOverride: upstream.Urls.First() + "/v1");

        using var good = await pinned.Http.PostAsJsonAsync("v1/chat/completions", Chat(), Cancel);
        using var bad = await mispinned.Http.PostAsJsonAsync("v1/chat/completions", Chat(), Cancel);

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, bad.StatusCode);
    }

    private static JsonObject Chat() =>
        new() { ["model"] = "m", ["messages"] = new JsonArray { new JsonObject { ["role"] = "user", ["content"] = "When do you open?" } } };

    private static async Task<SslProtocols> NegotiatedProtocolAsync(Uri address, SslProtocols allowed)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, Cancel);
        await using var ssl = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) => certificate is not null);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost", EnabledSslProtocols = allowed }, Cancel);
        return ssl.SslProtocol;
    }

    // A model service on HTTPS with its own certificate, answering every chat with a fixed completion.
    private static async Task<WebApplication> StartHttpsUpstreamAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", () => Results.Json(new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["created"] = 1,
            ["model"] = "m",
            ["choices"] = new JsonArray { new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "We open at 8." }, ["finish_reason"] = "stop" } },
        }));
        await app.StartAsync();
        return app;
    }
}
