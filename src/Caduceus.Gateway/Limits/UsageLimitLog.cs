using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Limits;

/// <summary>Log lines about the limit counters' store; never an identity's traffic or a connection string.</summary>
internal sealed partial class UsageLimitLog(ILogger<UsageLimitLog> logger)
{
    [LoggerMessage(EventId = 1800, Level = LogLevel.Warning, Message = "Redis for rate limits and token budgets is unreachable ({ErrorType}); this instance counts on its own and tries Redis again every {RetryInterval}")]
    public partial void SharedStoreUnavailable(string errorType, TimeSpan retryInterval);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Information, Message = "Redis for rate limits and token budgets is reachable again; instances count together")]
    public partial void SharedStoreRecovered();
}
