using System.Net;
using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Events;

/// <summary>
/// The one way a client address becomes a <see cref="Caduceus.Events.SecurityEvent.Source"/>: IPv4-mapped IPv6
/// addresses fold to IPv4 first, so a block placed from an event matches the same client however the socket saw it.
/// </summary>
public static class SourceAddresses
{
    public static string Hash(FindingValueHasher hasher, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(address);
        var canonical = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return hasher.Hash("address:" + canonical);
    }
}
