namespace Caduceus.Gateway.Limits;

/// <summary>Settings of <see cref="UsageLimitsOptions"/> that a role or an application sets differently; unset ones are inherited.</summary>
public sealed class UsageLimitOverrides
{
    public int? RequestsPerMinute { get; set; }

    public long? TokensPerHour { get; set; }

    public long? TokensPerDay { get; set; }

    public int? MaxTokensPerRequest { get; set; }
}
