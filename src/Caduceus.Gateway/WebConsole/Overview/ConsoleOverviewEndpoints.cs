using Caduceus.Gateway.WebConsole.AuditView;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Overview;

/// <summary><c>/console</c>: the overview charts.</summary>
internal static class ConsoleOverviewEndpoints
{
    public static async Task<IResult> PageAsync(HttpContext context, ConsoleAuditWindow window, TimeProvider clock) =>
        ConsolePages.Render<OverviewPage>(new()
        {
            [nameof(OverviewPage.Chrome)] = ConsolePages.Chrome(context, "Overview", "overview"),
            [nameof(OverviewPage.Model)] = ConsoleOverview.Build(await window.ReadAsync(null, context.RequestAborted), clock.GetUtcNow()),
        });
}
