using System.Net;
using System.Threading.RateLimiting;
using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Authentication;

/// <summary>
/// Counts failed key authentications per source address in fixed windows. Once an address has used up its failures,
/// every request from it that presents a key is refused until the window ends, valid key or not: a guesser learns
/// nothing more, and a legitimate client behind the same address waits at most one window. Idle partitions are
/// dropped by the limiter, so memory follows the addresses that failed recently.
/// </summary>
internal sealed class AuthenticationFailureLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly TimeSpan _window;

    public AuthenticationFailureLimiter(IOptions<GatewayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value.ApiKeys;
        _window = limits.FailureWindow;
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.MaxFailuresPerAddress,
                Window = limits.FailureWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>True when <paramref name="address"/> has no failures left in this window; then also how long to wait.</summary>
    public bool IsThrottled(IPAddress? address, out TimeSpan retryAfter)
    {
        // Asking for zero permits tells whether any are left without using one.
        using var lease = _failures.AttemptAcquire(Partition(address), 0);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return false;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _window;
        return true;
    }

    public void RecordFailure(IPAddress? address)
    {
        using var lease = _failures.AttemptAcquire(Partition(address));
    }

    public void Dispose() => _failures.Dispose();

    private static string Partition(IPAddress? address) => address is null ? "unknown" : address.ToString();
}
