namespace Caduceus.Gateway.Limits;

/// <summary>The lengths of the counting windows; each starts with the identity's first request in it.</summary>
internal static class UsageWindows
{
    public static readonly TimeSpan Requests = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);
}
