using Caduceus.Policy;

namespace Caduceus.Gateway.Limits;

/// <summary>Whether a request was let in; when not, which limit refused it and when to come back.</summary>
internal readonly record struct UsageAdmission(UsageLimitKind? RefusedBy, TimeSpan RetryAfter)
{
    public static UsageAdmission Admitted => default;

    public bool IsAdmitted => RefusedBy is null;

    public string? RefusalCode => RefusedBy switch
    {
        null => null,
        UsageLimitKind.RequestRate => RefusalCodes.RateLimitExceeded,
        _ => RefusalCodes.TokenBudgetExceeded,
    };
}
