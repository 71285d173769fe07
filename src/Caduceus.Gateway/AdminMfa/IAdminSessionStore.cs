namespace Caduceus.Gateway.AdminMfa;

/// <summary>Open admin MFA sessions, found by their token's hash.</summary>
internal interface IAdminSessionStore
{
    Task AddAsync(AdminSession session, CancellationToken cancellationToken);

    Task<AdminSession?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken);

    Task TouchAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkVerifiedAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    Task RemoveAsync(byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>Deletes sessions opened before <paramref name="openedBefore"/>: past any maximum lifetime.</summary>
    Task PurgeAsync(DateTimeOffset openedBefore, CancellationToken cancellationToken);
}
