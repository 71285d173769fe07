using System.Globalization;
using Caduceus.Gateway.ThreatIntel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Caduceus.Gateway.Admin;

/// <summary>
/// <c>/admin/intel</c>: the gateway's own attack indicators as a STIX 2.1 bundle (<c>?since=</c> an ISO 8601 time),
/// and where each TAXII feed stands.
/// </summary>
internal static class AdminIntelEndpoints
{
    public static void Map(RouteGroupBuilder intel)
    {
        intel.MapGet("/stix", StixAsync);
        intel.MapGet("/feeds", FeedsAsync);
    }

    private static async Task<IResult> StixAsync(string? since, HttpContext context, IThreatIndicatorStore indicators, TimeProvider timeProvider)
    {
        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return AdminResults.InvalidRequest("'since' must be an ISO 8601 time, e.g. 2026-11-28T09:30:00Z.");
            }

            from = parsed;
        }

        context.Response.ContentType = ThreatIntelExport.MediaType;
        await ThreatIntelExport.WriteBundleAsync(indicators, from, timeProvider.GetUtcNow(), context.Response.Body, context.RequestAborted);
        return Results.Empty;
    }

    private static async Task<IResult> FeedsAsync(IThreatFeedStore feeds, CancellationToken cancellationToken) =>
        Results.Json(await feeds.ListAsync(cancellationToken), ThreatIntelJsonContext.Default.IReadOnlyListThreatFeedState);
}
