namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The body of <c>POST /admin/incidents/{id}/actions</c>: the containment action a person orders, and its argument
/// where the action takes one (see <see cref="ContainmentActionNames.Arguments"/>).
/// </summary>
public sealed record IncidentActionRequest(string? Action, string? Argument = null);
