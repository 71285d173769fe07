using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.AdminMfa;

public sealed class AdminMfaOptionsValidatorTests
{
    [Fact]
    public void Accepts_the_loopback_defaults()
    {
        Assert.True(new AdminMfaOptionsValidator().Validate(null, new AdminMfaOptions()).Succeeded);
    }

    [Theory]
    [InlineData("https://admin.example.org", "example.org")]
    [InlineData("https://admin.example.org:8443", "admin.example.org")]
    [InlineData("http://127.0.0.1:8080", "localhost")]
    public void Accepts_an_origin_whose_host_the_relying_party_id_covers(string origin, string rpId)
    {
        var options = new AdminMfaOptions { WebAuthn = { Origin = origin, RelyingPartyId = rpId } };
        var result = new AdminMfaOptionsValidator().Validate(null, options);

        Assert.Equal(origin != "http://127.0.0.1:8080", result.Succeeded);
    }

    [Theory]
    [InlineData("https://admin.example.org/console", "example.org", "web origin")]
    [InlineData("not a url", "localhost", "web origin")]
    [InlineData("https://admin.example.org", "other.org", "suffix")]
    [InlineData("https://admin.example.org", "127.0.0.1", "not an IP address")]
    [InlineData("http://admin.example.org", "example.org", "https")]
    public void Refuses_a_relying_party_that_browsers_would_refuse(string origin, string rpId, string expected)
    {
        var options = new AdminMfaOptions { WebAuthn = { Origin = origin, RelyingPartyId = rpId } };

        var result = new AdminMfaOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_session_that_outlives_its_maximum_or_no_limit_on_failures()
    {
        var options = new AdminMfaOptions { SessionIdleTimeout = TimeSpan.FromHours(2), SessionMaxLifetime = TimeSpan.FromHours(1), MaxFailuresPerKey = 0 };

        var result = new AdminMfaOptionsValidator().Validate(null, options);

        Assert.Contains("SessionMaxLifetime", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxFailuresPerKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_gateway_at_start_up()
    {
        var settings = new Dictionary<string, string?> { ["Admin:WebAuthn:RelyingPartyId"] = "example.org" };

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => GatewayHarness.StartAsync(settings: settings, upstreamOverride: "http://127.0.0.1:9/v1"));

        Assert.Contains("Admin:WebAuthn:RelyingPartyId", exception.Message, StringComparison.Ordinal);
    }
}
