using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.SharedState;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Caduceus.Gateway.Lockout;

/// <summary>Stops the gateway at start-up, in one line that never quotes the value, when <c>State:Redis</c> is unusable.</summary>
internal sealed class FailureCounterOptionsValidator(SharedStateOptions options) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions gateway)
    {
        if (options.Redis is not { Length: > 0 } redis)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.RedisKeyPrefix))
        {
            return ValidateOptionsResult.Fail("State:RedisKeyPrefix must not be empty when State:Redis is set.");
        }

        try
        {
            return ConfigurationOptions.Parse(redis).EndPoints.Count == 0
                ? ValidateOptionsResult.Fail("State:Redis names no server (e.g. 127.0.0.1:6379).")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            // Never the value or the parser's message: either may quote a password.
            return ValidateOptionsResult.Fail("State:Redis is not a valid StackExchange.Redis connection string (e.g. 127.0.0.1:6379,password=...).");
        }
    }
}
