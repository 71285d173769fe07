namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>Console accounts' passkeys: the gateway's SQLite database, or the shared PostgreSQL one for a fleet.</summary>
internal interface IConsolePasskeyStore
{
    /// <summary>Adds the passkey; false when its credential id is already registered (to anyone).</summary>
    Task<bool> AddAsync(ConsolePasskey passkey, CancellationToken cancellationToken);

    /// <summary>The account's passkeys, oldest first.</summary>
    Task<IReadOnlyList<ConsolePasskey>> ListAsync(string accountId, CancellationToken cancellationToken);

    Task<ConsolePasskey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a verified use and its signature counter, only if the counter did not change since it was read:
    /// of two sign-ins racing with assertions of the same passkey, one wins. False when it lost.
    /// </summary>
    Task<bool> RecordUseAsync(ConsolePasskey passkey, uint signCount, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes one of the account's passkeys; false when it has none with that id.</summary>
    Task<bool> RemoveAsync(string accountId, string passkeyId, CancellationToken cancellationToken);
}
