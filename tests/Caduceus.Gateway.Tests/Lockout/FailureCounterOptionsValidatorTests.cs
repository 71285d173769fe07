using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Lockout;
using Caduceus.Gateway.SharedState;

namespace Caduceus.Gateway.Tests.Lockout;

public sealed class FailureCounterOptionsValidatorTests
{
    [Theory]
    [InlineData(null, "caduceus:failures:", null)]
    [InlineData("127.0.0.1:6379,password=s3cret", "caduceus:failures:", null)]
    [InlineData("127.0.0.1:6379", " ", "State:RedisKeyPrefix must not be empty")]
    [InlineData("password=s3cret", "caduceus:failures:", "State:Redis names no server")]
    [InlineData("127.0.0.1:6379,password=s3cret,abortConnect=maybe", "caduceus:failures:", "State:Redis is not a valid")]
    public void State_redis_is_checked_at_start_up_without_quoting_it(string? redis, string prefix, string? expected)
    {
        var validator = new FailureCounterOptionsValidator(new SharedStateOptions { Redis = redis, RedisKeyPrefix = prefix });

        var result = validator.Validate(null, new GatewayOptions());

        if (expected is null)
        {
            Assert.True(result.Succeeded);
            return;
        }

        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.FailureMessage, StringComparison.Ordinal);
    }
}
