namespace Caduceus.Gateway.Incidents;

/// <summary>Containment blocks in the shared gateway database.</summary>
public interface IContainmentStore
{
    Task AddAsync(ContainmentBlock block, CancellationToken cancellationToken);

    /// <summary>Ends a block early; false when there is no such block or it was already lifted.</summary>
    Task<bool> LiftAsync(string blockId, DateTimeOffset liftedAt, CancellationToken cancellationToken);

    Task<ContainmentBlock?> GetAsync(string blockId, CancellationToken cancellationToken);

    /// <summary>Blocks neither lifted nor expired at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<ContainmentBlock>> ActiveAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
