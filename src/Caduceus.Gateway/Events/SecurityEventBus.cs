using Caduceus.Events;
using Caduceus.Gateway.Audit;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Events;

/// <summary>
/// Hands each security event to every registered sink. Sinks must return quickly. An event raised while a request is
/// being served is stamped with the keyed hash of its source address (see <see cref="SecurityEvent.Source"/>), so
/// incidents can group and contain a source without any stage having to know about addresses.
/// </summary>
public sealed class SecurityEventBus(
    IEnumerable<ISecurityEventSink> sinks,
    TimeProvider timeProvider,
    IHttpContextAccessor? httpContextAccessor = null,
    FindingValueHasher? addressHasher = null)
{
    private readonly ISecurityEventSink[] _sinks = sinks.ToArray();

    /// <summary>
    /// Raises an event that involves no findings (a refused key, token, certificate, role or verification), stamped
    /// now, and returns it so its id can be quoted to the client.
    /// </summary>
    public SecurityEvent Publish(string type, string? code, string? application, string? principal, string? route)
    {
        var securityEvent = new SecurityEvent(
            SecurityEventIds.New(), timeProvider.GetUtcNow(), type, code, application, principal, route, new Dictionary<string, int>(), []);
        return Publish(securityEvent);
    }

    /// <summary>Raises <paramref name="securityEvent"/> and returns it as the sinks saw it (with its source stamped).</summary>
    public SecurityEvent Publish(SecurityEvent securityEvent)
    {
        ArgumentNullException.ThrowIfNull(securityEvent);
        if (securityEvent.Source is null && SourceOfCurrentRequest() is { } source)
        {
            securityEvent = securityEvent with { Source = source };
        }

        foreach (var sink in _sinks)
        {
            sink.Publish(securityEvent);
        }

        return securityEvent;
    }

    private string? SourceOfCurrentRequest() =>
        addressHasher is not null && httpContextAccessor?.HttpContext?.Connection.RemoteIpAddress is { } address
            ? SourceAddresses.Hash(addressHasher, address)
            : null;
}
