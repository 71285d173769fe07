using Caduceus.Gateway.WebConsole;

namespace Caduceus.Gateway.Tests.WebConsole;

public sealed class ConsoleOptionsValidatorTests
{
    [Fact]
    public void Accepts_the_defaults_whose_passkey_origin_comes_from_the_bound_addresses()
    {
        Assert.True(new ConsoleOptionsValidator().Validate(null, new ConsoleOptions()).Succeeded);
    }

    [Theory]
    [InlineData("https://console.example.org", "example.org")]
    [InlineData("https://console.example.org:8443", "console.example.org")]
    [InlineData("http://localhost:8080", "localhost")]
    public void Accepts_an_origin_whose_host_the_relying_party_id_covers(string origin, string rpId)
    {
        var options = new ConsoleOptions { Passkeys = { Origin = origin, RelyingPartyId = rpId } };

        Assert.True(new ConsoleOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null, "127.0.0.1", "not an IP address")]
    [InlineData("https://console.example.org/console", "example.org", "web origin")]
    [InlineData("https://console.example.org", "other.org", "suffix")]
    [InlineData("http://console.example.org", "example.org", "https")]
    public void Refuses_a_relying_party_or_origin_browsers_would_not_accept(string? origin, string rpId, string expected)
    {
        var options = new ConsoleOptions { Passkeys = { Origin = origin, RelyingPartyId = rpId } };

        var result = new ConsoleOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }
}
