using System.Net;
using System.Threading.Channels;
using Caduceus.Detection;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// Where the request path reports attack indicators: it only queues them (a full queue drops, it never waits), and
/// <see cref="ThreatSightingWriter"/> stores them. A payload whose text holds any PHI finding is not even hashed: a
/// hash of a known text around an SSN can be reversed by trying every SSN.
/// </summary>
internal sealed class ThreatSightings(TimeProvider timeProvider)
{
    private readonly Channel<ThreatSighting> _channel = Channel.CreateBounded<ThreatSighting>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _withheldForPhi;

    public ChannelReader<ThreatSighting> Reader => _channel.Reader;

    /// <summary>Attack payloads not recorded because their text held PHI.</summary>
    public long WithheldForPhi => Interlocked.Read(ref _withheldForPhi);

    /// <summary>A text refused as an attack, with all the findings the detectors made in it.</summary>
    public void AttackPayload(string text, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Any(f => f.Category == FindingCategory.Phi))
        {
            Interlocked.Increment(ref _withheldForPhi);
            return;
        }

        var signatures = string.Join(',', findings.Where(f => f.Category == FindingCategory.Injection).Select(f => f.Detector).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        _channel.Writer.TryWrite(new ThreatSighting(ThreatIndicatorKind.AttackPayload, AttackPayloadHash.Of(text), signatures.Length == 0 ? null : signatures, timeProvider.GetUtcNow()));
    }

    /// <summary>An address that a containment block (not a feed's) refused: a person or playbook judged it abusive.</summary>
    public void SourceAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        _channel.Writer.TryWrite(new ThreatSighting(ThreatIndicatorKind.SourceAddress, ThreatAddresses.Canonical(address), null, timeProvider.GetUtcNow()));
    }
}
