namespace Caduceus.Gateway.SharedState;

/// <summary>
/// <c>State</c>: where the state that every gateway instance must agree on lives: client keys and their
/// revocations, the pseudonym vault and the keyring that seals it. <c>sqlite</c> (the default) keeps it in the
/// data directory's <c>caduceus.db</c>; <c>postgres</c> in one PostgreSQL database shared by all instances.
/// </summary>
public sealed class SharedStateOptions
{
    public const string SectionName = "State";
    public const string SqliteStore = "sqlite";
    public const string PostgresStore = "postgres";

    public string Store { get; set; } = SqliteStore;

    /// <summary>An Npgsql connection string; it may hold a password, so set it in the environment (<c>CADUCEUS_State__ConnectionString</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// A StackExchange.Redis connection string; when set, the admin MFA and console failure lockout counters are kept
    /// there (else in the PostgreSQL database with <c>postgres</c>, else in each instance's memory).
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of every Redis key; instances that share it share the failure counters.</summary>
    public string RedisKeyPrefix { get; set; } = "caduceus:failures:";

    public bool UsesPostgres => string.Equals(Store, PostgresStore, StringComparison.OrdinalIgnoreCase);
}
