namespace Caduceus.Gateway.Siem.Delivery;

/// <summary>
/// Exponential backoff with full jitter: each wait is random between half and all of base × 2^failures, capped, so
/// several gateways do not hammer a recovering receiver in step.
/// </summary>
internal sealed class DeliveryBackoff(TimeSpan baseDelay, TimeSpan maxDelay)
{
    private int _failures;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(_failures, 30)), maxDelay.TotalMilliseconds);
        _failures++;
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }

    public void Reset() => _failures = 0;
}
