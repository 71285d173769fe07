namespace Caduceus.Gateway.Limits;

/// <summary>
/// Per-identity request rate and token budgets (OWASP LLM10, unbounded consumption), section <c>Limits</c> (shared with
/// the size limits). Each identity (API key id, or <c>oidc:</c> subject) has its own counters; windows start with
/// the identity's first request in them. Role overrides (<see cref="Roles"/>) apply first, then the application's
/// (<c>Applications:NAME:Limits</c>).
/// </summary>
public sealed class UsageLimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Requests one identity may send per minute; the next one gets 429 <c>rate_limit_exceeded</c>.</summary>
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Prompt plus completion tokens one identity may use per hour.</summary>
    public long TokensPerHour { get; set; } = 200_000;

    /// <summary>Prompt plus completion tokens one identity may use per day.</summary>
    public long TokensPerDay { get; set; } = 1_000_000;

    /// <summary>Ceiling on a request's <c>max_tokens</c> / <c>max_completion_tokens</c>; a request asking for more gets 400.</summary>
    public int MaxTokensPerRequest { get; set; } = 8192;

    /// <summary>A StackExchange.Redis connection string; when set, gateway instances share one set of counters there.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key; instances that share it share limits.</summary>
    public string RedisKeyPrefix { get; set; } = "caduceus:limits:";

    /// <summary>After Redis fails, how long instances count locally before they try Redis again.</summary>
    public TimeSpan RedisRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Overrides by role; a caller with several roles gets the most generous value of each setting.</summary>
    public Dictionary<string, UsageLimitOverrides> Roles { get; set; } = new(StringComparer.Ordinal);
}
