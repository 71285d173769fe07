namespace Caduceus.Gateway.Incidents;

/// <summary>
/// One way of containing an incident, named in playbooks (<see cref="ContainmentActionNames"/>). It acts on the
/// shared stores, so every gateway instance sees the effect; it never throws for a subject it cannot act on, but
/// says so in its outcome.
/// </summary>
public interface IContainmentAction
{
    string Name { get; }

    /// <param name="incident">The incident acted on.</param>
    /// <param name="argument">The order's argument (see <see cref="ContainmentActionNames.Arguments"/>); null for most.</param>
    /// <param name="cancellationToken">Cancels the action.</param>
    Task<ContainmentOutcome> ExecuteAsync(Incident incident, string? argument, CancellationToken cancellationToken);
}
