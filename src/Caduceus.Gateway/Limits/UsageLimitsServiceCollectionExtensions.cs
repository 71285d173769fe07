using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Caduceus.Gateway.Limits;

/// <summary>
/// Registers rate limits and token budgets: the options (section <c>Limits</c>), their validation, and the counter
/// store (Redis with a local fallback when <c>Limits:Redis</c> is set, else in this process). The pipeline stage
/// itself is placed with the other stages.
/// </summary>
internal static class UsageLimitsServiceCollectionExtensions
{
    public static IServiceCollection AddUsageLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(UsageLimitsOptions.SectionName).Get<UsageLimitsOptions>() ?? new UsageLimitsOptions();
        services.AddSingleton(options);
        services.AddSingleton<IValidateOptions<GatewayOptions>, UsageLimitsOptionsValidator>();
        services.AddSingleton<UsageLimitResolver>();
        services.AddSingleton<UsageLimitLog>();
        services.AddSingleton<InMemoryUsageCounterStore>();
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            services.AddSingleton<IUsageCounterStore>(sp => sp.GetRequiredService<InMemoryUsageCounterStore>());
            return services;
        }

        services.AddSingleton(sp => new RedisUsageCounterStore(Connect(options.Redis), options.RedisKeyPrefix));
        services.AddSingleton<IUsageCounterStore>(sp => new FallbackUsageCounterStore(
            sp.GetRequiredService<RedisUsageCounterStore>(),
            sp.GetRequiredService<InMemoryUsageCounterStore>(),
            options.RedisRetryInterval,
            sp.GetRequiredService<SecurityEventBus>(),
            sp.GetRequiredService<UsageLimitLog>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static ConnectionMultiplexer Connect(string connectionString)
    {
        // Requests wait on this store, so a Redis that is down must fail fast (and fall back), not queue commands.
        var redis = ConfigurationOptions.Parse(connectionString);
        redis.AbortOnConnectFail = false;
        redis.BacklogPolicy = BacklogPolicy.FailFast;
        if (!connectionString.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase))
        {
            redis.ConnectTimeout = 2000;
        }

        if (!connectionString.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            redis.AsyncTimeout = 1000;
        }

        return ConnectionMultiplexer.Connect(redis);
    }
}
