namespace Caduceus.Gateway.Siem.Delivery;

/// <summary>What a receiver said about a batch.</summary>
internal enum DeliveryOutcome
{
    /// <summary>The receiver acknowledged the batch (perhaps refusing some events for good); it may be forgotten.</summary>
    Acknowledged,

    /// <summary>The receiver is down, busy or throttling; the batch must be sent again later.</summary>
    RetryLater,

    /// <summary>The receiver refused the whole batch for good (bad token, bad request); resending cannot help.</summary>
    Rejected,
}
