namespace Caduceus.Gateway.Encryption;

/// <summary>A stored data key without its material: purpose, the master key that wrapped it, how it was made, and when.</summary>
public sealed record DataKeyStatus(string Purpose, string MasterKeyId, string Origin, DateTimeOffset CreatedAt, DateTimeOffset WrappedAt);
