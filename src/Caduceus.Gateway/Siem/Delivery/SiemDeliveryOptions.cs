namespace Caduceus.Gateway.Siem.Delivery;

/// <summary>How every SIEM exporter queues, batches, retries and spills (<c>Siem:Delivery</c>).</summary>
public sealed class SiemDeliveryOptions
{
    /// <summary>Events held in memory per exporter; beyond it they go straight to the exporter's spill file.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most events sent in one request or write.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long the sender lets events gather before sending a batch that is not yet full: one send (and one wake-up)
    /// per batch instead of per event when traffic is light. Zero sends each event as soon as it arrives.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>First wait after a failed send; it doubles (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one send may take before it counts as failed.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest spill file per exporter; events beyond it are dropped, counted and logged.</summary>
    public long MaxSpillBytes { get; set; } = 1L << 30;
}
