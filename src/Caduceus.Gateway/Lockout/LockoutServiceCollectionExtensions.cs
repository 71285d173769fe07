using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.SharedState;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Caduceus.Gateway.Lockout;

/// <summary>
/// Registers where the admin MFA and console failure counters live: Redis when <c>State:Redis</c> is set, else the
/// shared PostgreSQL database with <c>State:Store = postgres</c>, else this process's memory.
/// </summary>
internal static class LockoutServiceCollectionExtensions
{
    public static IServiceCollection AddFailureCounters(this IServiceCollection services, SharedStateOptions options)
    {
        services.AddSingleton<IValidateOptions<GatewayOptions>, FailureCounterOptionsValidator>();
        if (options.Redis is { Length: > 0 } redis)
        {
            services.AddSingleton<IFailureCounterStore>(sp => new RedisFailureCounterStore(Connect(redis), options.RedisKeyPrefix, sp.GetRequiredService<TimeProvider>()));
        }
        else if (options.UsesPostgres && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            services.AddSingleton<IFailureCounterStore, PostgresFailureCounterStore>();
        }
        else
        {
            services.AddSingleton<IFailureCounterStore, InMemoryFailureCounterStore>();
        }

        return services;
    }

    private static ConnectionMultiplexer Connect(string connectionString)
    {
        // Sign-ins wait on this store: a Redis that is down must refuse fast (fail closed), not queue commands.
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
