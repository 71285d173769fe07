namespace Caduceus.Gateway.Limits;

/// <summary>The limit that refused a request.</summary>
internal enum UsageLimitKind
{
    RequestRate = 1,
    HourlyTokens = 2,
    DailyTokens = 3,
}
