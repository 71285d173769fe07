using System.Net;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Tests.Authentication;

public sealed class AuthenticationFailureLimiterTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Bystander = IPAddress.Parse("198.51.100.2");

    [Fact]
    public void Throttles_an_address_once_it_has_used_up_its_failures()
    {
        using var limiter = Limiter(maxFailures: 3);

        for (var i = 0; i < 3; i++)
        {
            Assert.False(limiter.IsThrottled(Attacker, out _));
            limiter.RecordFailure(Attacker);
        }

        Assert.True(limiter.IsThrottled(Attacker, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.False(limiter.IsThrottled(Bystander, out _));
    }

    [Fact]
    public void Asking_whether_an_address_is_throttled_uses_none_of_its_failures()
    {
        using var limiter = Limiter(maxFailures: 1);

        for (var i = 0; i < 10; i++)
        {
            Assert.False(limiter.IsThrottled(Attacker, out _));
        }
    }

    private static AuthenticationFailureLimiter Limiter(int maxFailures) =>
        new(Options.Create(new GatewayOptions { ApiKeys = new ApiKeyOptions { MaxFailuresPerAddress = maxFailures, FailureWindow = TimeSpan.FromMinutes(1) } }));
}
