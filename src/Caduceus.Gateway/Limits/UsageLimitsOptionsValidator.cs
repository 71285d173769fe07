using Caduceus.Gateway.Configuration;
using Caduceus.Identity;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Caduceus.Gateway.Limits;

/// <summary>Stops the gateway at start-up, naming the setting, when the rate limits or token budgets cannot work.</summary>
internal sealed class UsageLimitsOptionsValidator(UsageLimitsOptions options) : IValidateOptions<GatewayOptions>
{
    private const int MaxRequestsPerMinute = 1_000_000;
    private const long MaxTokens = 1_000_000_000_000;
    private const int MaxTokensPerRequestCeiling = 10_000_000;

    public ValidateOptionsResult Validate(string? name, GatewayOptions gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var failures = new List<string>();
        CheckRange(failures, "Limits:RequestsPerMinute", options.RequestsPerMinute, MaxRequestsPerMinute);
        CheckRange(failures, "Limits:TokensPerHour", options.TokensPerHour, MaxTokens);
        CheckRange(failures, "Limits:TokensPerDay", options.TokensPerDay, MaxTokens);
        CheckRange(failures, "Limits:MaxTokensPerRequest", options.MaxTokensPerRequest, MaxTokensPerRequestCeiling);
        foreach (var (role, overrides) in options.Roles)
        {
            if (!CallerRoles.IsKnown(role))
            {
                failures.Add($"Limits:Roles:{role}: '{role}' is not a Caduceus role ({string.Join(", ", CallerRoles.All)}).");
            }

            CheckOverrides(failures, $"Limits:Roles:{role}", overrides);
        }

        foreach (var (appName, app) in gateway.Applications)
        {
            CheckOverrides(failures, $"Applications:{appName}:Limits", app.Limits);
        }

        CheckRedis(failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckRedis(List<string> failures)
    {
        if (options.RedisRetryInterval < TimeSpan.FromSeconds(1) || options.RedisRetryInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add("Limits:RedisRetryInterval must be between 00:00:01 and 00:10:00.");
        }

        if (options.Redis is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.RedisKeyPrefix))
        {
            failures.Add("Limits:RedisKeyPrefix must not be empty when Limits:Redis is set.");
        }

        try
        {
            if (ConfigurationOptions.Parse(options.Redis).EndPoints.Count == 0)
            {
                failures.Add("Limits:Redis names no server (e.g. 127.0.0.1:6379).");
            }
        }
        catch (ArgumentException)
        {
            // Never the value or the parser's message: either may quote a password.
            failures.Add("Limits:Redis is not a valid StackExchange.Redis connection string (e.g. 127.0.0.1:6379,password=...).");
        }
    }

    private static void CheckOverrides(List<string> failures, string prefix, UsageLimitOverrides overrides)
    {
        if (overrides.RequestsPerMinute is { } requests)
        {
            CheckRange(failures, $"{prefix}:RequestsPerMinute", requests, MaxRequestsPerMinute);
        }

        if (overrides.TokensPerHour is { } hour)
        {
            CheckRange(failures, $"{prefix}:TokensPerHour", hour, MaxTokens);
        }

        if (overrides.TokensPerDay is { } day)
        {
            CheckRange(failures, $"{prefix}:TokensPerDay", day, MaxTokens);
        }

        if (overrides.MaxTokensPerRequest is { } ceiling)
        {
            CheckRange(failures, $"{prefix}:MaxTokensPerRequest", ceiling, MaxTokensPerRequestCeiling);
        }
    }

    // Zero and "unlimited" are refused on purpose: an unbounded caller is what these limits exist to prevent.
    private static void CheckRange(List<string> failures, string setting, long value, long max)
    {
        if (value < 1 || value > max)
        {
            failures.Add($"{setting} must be between 1 and {max} (it is {value}); limits cannot be switched off, only raised.");
        }
    }
}
