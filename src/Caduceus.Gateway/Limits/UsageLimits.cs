namespace Caduceus.Gateway.Limits;

/// <summary>The limits that hold for one caller of one application, defaults and overrides resolved.</summary>
internal sealed record UsageLimits(int RequestsPerMinute, long TokensPerHour, long TokensPerDay, int MaxTokensPerRequest)
{
    public UsageLimits With(UsageLimitOverrides? overrides) => overrides is null
        ? this
        : new UsageLimits(
            overrides.RequestsPerMinute ?? RequestsPerMinute,
            overrides.TokensPerHour ?? TokensPerHour,
            overrides.TokensPerDay ?? TokensPerDay,
            overrides.MaxTokensPerRequest ?? MaxTokensPerRequest);
}
