using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Networking;

/// <summary>Behind a load balancer the client's address comes from X-Forwarded-For, but only from a trusted proxy.</summary>
public sealed class TrustedProxiesTests
{
    private const string Attacker = "203.0.113.7";
    private const string Bystander = "198.51.100.2";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Behind_a_trusted_proxy_failures_count_against_the_forwarded_address()
    {
        await using var harness = await StartAsync(("ForwardedHeaders:TrustedProxies:0", "127.0.0.1"));

        Assert.Equal(HttpStatusCode.Unauthorized, await WrongKeyAsync(harness, Attacker));
        Assert.Equal(HttpStatusCode.Unauthorized, await WrongKeyAsync(harness, Attacker));

        Assert.Equal(HttpStatusCode.TooManyRequests, await WrongKeyAsync(harness, Attacker));
        Assert.Equal(HttpStatusCode.Unauthorized, await WrongKeyAsync(harness, Bystander));
    }

    [Fact]
    public async Task Without_a_trusted_proxy_the_forwarded_address_is_ignored()
    {
        await using var harness = await StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, await WrongKeyAsync(harness, Attacker));
        Assert.Equal(HttpStatusCode.Unauthorized, await WrongKeyAsync(harness, Attacker));

        // Everything came from 127.0.0.1, whatever the header claimed: a client cannot dodge the limit by inventing addresses.
        Assert.Equal(HttpStatusCode.TooManyRequests, await WrongKeyAsync(harness, Bystander));
    }

    [Fact]
    public async Task A_header_from_an_untrusted_peer_is_not_believed()
    {
        await using var harness = await StartAsync(("ForwardedHeaders:TrustedProxies:0", "10.0.0.0/8"));

        await WrongKeyAsync(harness, Attacker);
        await WrongKeyAsync(harness, Attacker);

        Assert.Equal(HttpStatusCode.TooManyRequests, await WrongKeyAsync(harness, Bystander));
    }

    [Theory]
    [InlineData("ForwardedHeaders:TrustedProxies:0", "load-balancer")]
    [InlineData("ForwardedHeaders:TrustedProxies:0", "10.0.0.5/8")]
    [InlineData("ForwardedHeaders:ForwardLimit", "0")]
    public async Task A_bad_setting_stops_the_gateway_at_start_up_naming_it(string key, string value)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync((key, value)));

        Assert.Contains(key.Split(':')[0] + ":" + key.Split(':')[1], exception.Message, StringComparison.Ordinal);
    }

    private static Task<GatewayHarness> StartAsync(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["ApiKeys:MaxFailuresPerAddress"] = "2" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return GatewayHarness.StartAsync(settings: all);
    }

    private static async Task<HttpStatusCode> WrongKeyAsync(GatewayHarness harness, string forwardedFor)
    {
        using var client = harness.AnonymousHttp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "cad_not-a-key-of-this-gateway-0000000000000");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, Cancel);
        return response.StatusCode;
    }
}
