namespace Caduceus.Gateway.Keys;

/// <summary>What the gateway knows about a client key: never the key itself.</summary>
public sealed record ApiKeyRecord(string Id, string Application, DateTimeOffset CreatedAt);
