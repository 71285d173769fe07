using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Incidents;

/// <summary>The playbooks in force: the defaults merged with configuration (<see cref="DefaultPlaybooks.Resolve"/>).</summary>
internal sealed class IncidentPlaybooks(IOptions<IncidentOptions> options)
{
    public IReadOnlyList<Playbook> All { get; } = DefaultPlaybooks.Resolve(options.Value);
}
