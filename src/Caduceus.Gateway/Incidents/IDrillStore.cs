namespace Caduceus.Gateway.Incidents;

/// <summary>Declared drills, in the shared gateway database.</summary>
public interface IDrillStore
{
    Task StartAsync(Drill drill, CancellationToken cancellationToken);

    /// <summary>Ends a drill early; false when there is no such drill or it already ended.</summary>
    Task<bool> EndAsync(string drillId, DateTimeOffset endedAt, CancellationToken cancellationToken);

    /// <summary>The drill running for <paramref name="principal"/> at <paramref name="now"/>, or null.</summary>
    Task<Drill?> ActiveForAsync(string principal, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Drills newest first; ended ones only when asked.</summary>
    Task<IReadOnlyList<Drill>> ListAsync(bool includeEnded, DateTimeOffset now, CancellationToken cancellationToken);
}
