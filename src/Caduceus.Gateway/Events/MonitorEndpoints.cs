using Caduceus.Events;
using Caduceus.Gateway.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Caduceus.Gateway.Events;

/// <summary>
/// <c>GET /monitor/events?after=ID&amp;limit=N</c>: the most recent security events, oldest first, for live views such as
/// <c>caduceus monitor</c>. Events carry no PHI; like <c>/metrics</c> it is for monitoring systems (service keys).
/// </summary>
internal static class MonitorEndpoints
{
    public const int MaxLimit = 500;

    public static void Map(IEndpointRouteBuilder endpoints, string policy) =>
        endpoints.MapGet("/monitor/events", Events).RequireAuthorization(policy);

    private static IResult Events(string? after, int? limit, RecentSecurityEvents recent)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return AdminResults.InvalidRequest($"'limit' must be between 1 and {MaxLimit}.");
        }

        IEnumerable<SecurityEvent> events = recent.Snapshot();
        if (after is not null)
        {
            // Ids are time-ordered; an unknown id (evicted, or from before a restart) yields everything still held.
            var list = events.ToList();
            var index = list.FindIndex(e => string.Equals(e.Id, after, StringComparison.Ordinal));
            events = index < 0 ? list : list.Skip(index + 1);
        }

        var page = events.TakeLast(limit ?? 100).Select(MonitorEvent.From).ToArray();
        return Results.Json(new MonitorEventPage(page), MonitorJsonContext.Default.MonitorEventPage);
    }
}
