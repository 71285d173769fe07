namespace Caduceus.Gateway.Incidents;

/// <summary>
/// One way of containing an incident, named in playbooks (<see cref="ContainmentActionNames"/>). It acts on the
/// shared stores, so every gateway instance sees the effect; it never throws for a subject it cannot act on, but
/// says so in its outcome.
/// </summary>
public interface IContainmentAction
{
    string Name { get; }

    Task<ContainmentOutcome> ExecuteAsync(Incident incident, CancellationToken cancellationToken);
}
