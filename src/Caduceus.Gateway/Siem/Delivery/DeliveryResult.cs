namespace Caduceus.Gateway.Siem.Delivery;

/// <summary>A receiver's answer to a batch: the outcome, and how many of its events it refused for good.</summary>
internal readonly record struct DeliveryResult(DeliveryOutcome Outcome, int RejectedEvents)
{
    public static DeliveryResult Acknowledged => new(DeliveryOutcome.Acknowledged, 0);

    public static DeliveryResult RetryLater => new(DeliveryOutcome.RetryLater, 0);

    /// <summary>An HTTP receiver's status: 2xx acknowledged; 408, 429 and 5xx retried; any other 4xx refused for good.</summary>
    public static DeliveryResult FromStatus(int status, int batchSize) => status switch
    {
        >= 200 and < 300 => Acknowledged,
        408 or 429 or >= 500 => RetryLater,
        _ => new(DeliveryOutcome.Rejected, batchSize),
    };
}
