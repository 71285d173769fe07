using System.Globalization;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Audit.Search;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.AuditView;

/// <summary><c>/console/audit</c>: search the newest window of the trail (and page back), with the chain's verification state.</summary>
internal static class ConsoleAuditEndpoints
{
    public const int MaxShown = 100;

    public static async Task<IResult> SearchAsync(HttpContext context, ConsoleAuditWindow window, ConsoleChainStatus chain)
    {
        var request = context.Request.Query;
        var filter = new AuditFilter(Text(request["identity"]), Text(request["application"]), Text(request["decision"]), Text(request["event_id"]));
        long? before = null;
        if (Text(request["before"]) is { } beforeText)
        {
            if (!long.TryParse(beforeText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return ConsolePages.Message(context, StatusCodes.Status400BadRequest, "Bad search", "'before' must be a positive record sequence number.", "/console/audit");
            }

            before = parsed;
        }

        if (filter.Decision is { } decision && !AuditDecisions.All.Contains(decision, StringComparer.Ordinal))
        {
            return ConsolePages.Message(context, StatusCodes.Status400BadRequest, "Bad search", $"'decision' must be one of: {string.Join(", ", AuditDecisions.All)}.", "/console/audit");
        }

        chain.RefreshIfStale();
        var query = new AuditQuery { Identity = filter.Identity, Application = filter.Application, Decision = filter.Decision, EventId = filter.EventId };
        var read = await window.ReadAsync(before, context.RequestAborted);
        var matches = read.Records.Where(r => query.Matches(r.Record)).Reverse().Take(MaxShown).ToArray();
        return ConsolePages.Render<AuditPage>(new()
        {
            [nameof(AuditPage.Chrome)] = ConsolePages.Chrome(context, "Audit", "audit"),
            [nameof(AuditPage.Filter)] = filter,
            [nameof(AuditPage.Matches)] = matches,
            [nameof(AuditPage.Window)] = read,
            [nameof(AuditPage.Verification)] = chain.Last,
            [nameof(AuditPage.Verifying)] = chain.Running,
        });
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
