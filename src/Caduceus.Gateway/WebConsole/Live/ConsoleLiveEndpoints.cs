using Caduceus.Gateway.Events;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Live;

/// <summary><c>/console/live</c>: the recent events, then new ones as they happen (server-sent events).</summary>
internal static class ConsoleLiveEndpoints
{
    private const int RecentShown = 100;

    public static IResult Page(HttpContext context, RecentSecurityEvents recent) =>
        ConsolePages.Render<LivePage>(new()
        {
            [nameof(LivePage.Chrome)] = ConsolePages.Chrome(context, "Live events", "live"),
            [nameof(LivePage.Recent)] = recent.Snapshot().Reverse().Take(RecentShown).ToArray(),
        });
}
