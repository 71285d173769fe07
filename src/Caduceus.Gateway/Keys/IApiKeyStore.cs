namespace Caduceus.Gateway.Keys;

/// <summary>Client API keys and their lifecycle. Secrets are returned once, at creation or rotation, and stored only as hashes.</summary>
public interface IApiKeyStore
{
    /// <summary>Creates a high-entropy key; the secret is returned once and not kept.</summary>
    Task<IssuedApiKey> CreateAsync(NewApiKey key, CancellationToken cancellationToken);

    /// <summary>Stores an operator-chosen key (e.g. the bootstrap key) by its hash.</summary>
    Task<ApiKeyRecord> ImportAsync(string secret, NewApiKey key, CancellationToken cancellationToken);

    /// <summary>True when at least one key exists.</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>Every key, oldest first; never a secret.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);

    Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Gives an active key a new secret. The replaced secret keeps working for <paramref name="grace"/> (zero: not at
    /// all), so clients can switch over. Returns null when there is no such key or it is not active.
    /// </summary>
    Task<IssuedApiKey?> RotateAsync(string id, TimeSpan grace, CancellationToken cancellationToken);

    /// <summary>Revokes a key and any replaced secret of it; a key already revoked stays as it was. Null when there is no such key.</summary>
    Task<ApiKeyRecord?> RevokeAsync(string id, ApiKeyRevocationReason reason, CancellationToken cancellationToken);

    /// <summary>Revokes, as <see cref="ApiKeyRevocationReason.Unused"/>, every active key unused since <paramref name="cutoff"/>; returns them.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> DisableUnusedAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Notes that the key was accepted at <paramref name="usedAt"/>. Callers throttle this (<see cref="ApiKeyUsageRecorder"/>).</summary>
    Task RecordUseAsync(string id, DateTimeOffset usedAt, CancellationToken cancellationToken);
}
