namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Something an instance keeps in memory from a shared table, dropped when another instance (or the CLI) changes that
/// table, so a change takes effect everywhere at once instead of when the copy next expires.
/// </summary>
internal interface ISharedStateCache
{
    /// <summary>The shared table whose changes make this copy stale.</summary>
    string Table { get; }

    void Invalidate();
}
