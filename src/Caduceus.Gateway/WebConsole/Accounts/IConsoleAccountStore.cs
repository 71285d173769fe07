namespace Caduceus.Gateway.WebConsole.Accounts;

/// <summary>Console accounts: in the gateway's SQLite database, or in the shared PostgreSQL one (<c>State:Store = postgres</c>).</summary>
public interface IConsoleAccountStore
{
    /// <summary>Adds the account; false when the name is taken.</summary>
    Task<bool> AddAsync(ConsoleAccount account, CancellationToken cancellationToken);

    Task<ConsoleAccount?> FindByNameAsync(string name, CancellationToken cancellationToken);

    Task<ConsoleAccount?> FindByIdAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ConsoleAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records that the code of <paramref name="timeStep"/> was used; false when that step or a later one already was
    /// (a replayed code), in one statement so two requests with the same code cannot both pass.
    /// </summary>
    Task<bool> UseTotpStepAsync(string accountId, long timeStep, CancellationToken cancellationToken);

    /// <summary>Disables the account (its sessions stop working at their next request); false when there is no such active account.</summary>
    Task<bool> DisableAsync(string name, DateTimeOffset now, CancellationToken cancellationToken);
}
