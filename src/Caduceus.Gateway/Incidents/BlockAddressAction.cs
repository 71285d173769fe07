using System.Net;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Events;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// Refuses requests from the incident's source addresses for <see cref="IncidentOptions.SuspensionDuration"/>, or from
/// the one address a person names. Addresses are only ever held as keyed hashes (an address can identify a patient).
/// Blocking the address of an application's own server takes the application down for everyone, which is why no
/// default playbook does this on its own.
/// </summary>
internal sealed class BlockAddressAction(ContainmentBlocks blocks, FindingValueHasher addressHasher, IOptions<IncidentOptions> options) : IContainmentAction
{
    public string Name => ContainmentActionNames.BlockAddress;

    public async Task<ContainmentOutcome> ExecuteAsync(Incident incident, string? argument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        string[] sources;
        if (argument is not null)
        {
            if (!IPAddress.TryParse(argument, out var address))
            {
                return new ContainmentOutcome(false, "address", "not applied: the argument is not an IP address");
            }

            sources = [SourceAddresses.Hash(addressHasher, address)];
        }
        else
        {
            sources = incident.Events.Select(e => e.Source).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            if (sources.Length == 0)
            {
                return new ContainmentOutcome(false, incident.Subject, "not applied: no evidence of this incident names a source address");
            }
        }

        var until = blocks.Now + options.Value.SuspensionDuration;
        var placed = new List<string>();
        foreach (var source in sources)
        {
            placed.Add((await blocks.PlaceAsync(ContainmentBlockKind.Address, source, Name, incident, until, null, cancellationToken)).Id);
        }

        return new ContainmentOutcome(
            true,
            $"{sources.Length} source address(es)",
            $"requests from {sources.Length} source address(es) refused until {until:yyyy-MM-dd HH:mm:ss} UTC (blocks {string.Join(", ", placed)})");
    }
}
