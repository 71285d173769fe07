namespace Caduceus.Gateway.Keys;

/// <summary>Client API keys, stored only as hashes.</summary>
public interface IApiKeyStore
{
    /// <summary>Creates a high-entropy key for <paramref name="application"/>; the secret is returned once and not kept.</summary>
    Task<IssuedApiKey> CreateAsync(string application, CancellationToken cancellationToken);

    /// <summary>Stores an operator-chosen key (e.g. the bootstrap key) by its hash.</summary>
    Task<ApiKeyRecord> ImportAsync(string secret, string application, CancellationToken cancellationToken);

    /// <summary>The key whose secret is <paramref name="presentedSecret"/>, or null.</summary>
    Task<ApiKeyRecord?> FindAsync(string presentedSecret, CancellationToken cancellationToken);

    /// <summary>True when at least one key exists.</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
