using System.Text.Json;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Incidents;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// Acts on what a feed delivered: an address becomes an address block (the same blocks <c>block_address</c> places,
/// held as a keyed hash, action <c>taxii</c>, the feed as detail) until the indicator's <c>valid_until</c> or
/// <see cref="ThreatIntelOptions.ImportedLifetime"/>, whichever is sooner; a payload hash joins
/// <see cref="KnownAttackPayloads"/>. An indicator already in force is refreshed, not blocked twice.
/// </summary>
internal sealed class TaxiiFeedImporter(
    IThreatIndicatorStore indicators,
    IContainmentStore blocks,
    ActiveContainment containment,
    KnownAttackPayloads payloads,
    FindingValueHasher addressHasher,
    IOptions<ThreatIntelOptions> options,
    TimeProvider timeProvider)
{
    public async Task<StixObjectCounts> ImportAsync(string feedName, IReadOnlyList<JsonElement> objects, CancellationToken cancellationToken)
    {
        var counts = new StixObjectCounts();
        var now = timeProvider.GetUtcNow();
        var latest = now + options.Value.ImportedLifetime;
        foreach (var stixObject in objects)
        {
            var outcome = StixIndicatorParser.Parse(stixObject, now, out var indicator);
            counts.Count(outcome);
            if (indicator is null)
            {
                continue;
            }

            var until = indicator.ValidUntil is { } given && given < latest ? given : latest;
            var inForce = await indicators.ImportAsync(indicator.Kind, indicator.Value, ThreatIndicatorOrigins.OfFeed(feedName), indicator.Confidence, until, now, cancellationToken);
            if (indicator.Kind == ThreatIndicatorKind.AttackPayload)
            {
                payloads.Invalidate();
            }
            else if (!inForce && ThreatAddresses.TryParseSingle(indicator.Value, out var address))
            {
                await blocks.AddAsync(new ContainmentBlock
                {
                    Id = ContainmentBlock.NewId(),
                    Kind = ContainmentBlockKind.Address,
                    Value = SourceAddresses.Hash(addressHasher, address),
                    Detail = feedName,
                    Action = ThreatIndicatorOrigins.Taxii,
                    CreatedAt = now,
                    Until = until,
                }, cancellationToken);
                containment.Invalidate();
            }
        }

        return counts;
    }
}
