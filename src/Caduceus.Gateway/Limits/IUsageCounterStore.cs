namespace Caduceus.Gateway.Limits;

/// <summary>
/// Where the per-identity counters live: in this process, or in Redis so that several instances count as one.
/// Both check and count in one atomic step, so concurrent requests cannot slip past a limit together.
/// </summary>
internal interface IUsageCounterStore
{
    /// <summary>
    /// Refuses when the identity's request rate is used up, or when <paramref name="promptTokens"/> would take it past
    /// a token budget; otherwise counts the request and reserves the prompt tokens.
    /// </summary>
    ValueTask<UsageAdmission> AdmitAsync(string identity, UsageLimits limits, long promptTokens, CancellationToken cancellationToken);

    /// <summary>Adds tokens to the identity's hourly and daily counts (negative to correct a reservation that was too high).</summary>
    ValueTask ChargeAsync(string identity, long tokens, CancellationToken cancellationToken);
}
