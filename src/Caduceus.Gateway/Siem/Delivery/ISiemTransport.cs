using Caduceus.Events;

namespace Caduceus.Gateway.Siem.Delivery;

/// <summary>
/// Puts a batch of security events on the wire to one SIEM receiver and says whether the receiver took it.
/// Throwing (network, TLS, timeout) means the same as <see cref="DeliveryOutcome.RetryLater"/>.
/// </summary>
internal interface ISiemTransport : IAsyncDisposable
{
    /// <summary>Short name for logs, metrics and the spill file, e.g. <c>splunk</c>.</summary>
    string Name { get; }

    Task<DeliveryResult> SendAsync(IReadOnlyList<SecurityEvent> batch, CancellationToken cancellationToken);
}
