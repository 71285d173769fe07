using Caduceus.Gateway.Compliance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Caduceus.Gateway.Admin;

/// <summary>
/// <c>GET /admin/reports/{framework}</c>: a compliance report generated from the gateway's configuration and records,
/// as JSON, or as one self-contained HTML page with <c>?format=html</c>. An unknown framework is 404, an unknown format 400.
/// </summary>
internal static class AdminReportsEndpoints
{
    public static void Map(RouteGroupBuilder reports) => reports.MapGet("/{framework}", GetAsync);

    private static async Task<IResult> GetAsync(string framework, string? format, ComplianceReporter reporter, CancellationToken cancellationToken)
    {
        if (ComplianceFrameworks.Find(framework) is not { } found)
        {
            return AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", $"There is no report framework with that name; use one of {ComplianceFrameworks.Names}.");
        }

        var html = string.Equals(format, "html", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !html && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return AdminResults.InvalidRequest("The format must be json or html.");
        }

        ComplianceReport report;
        try
        {
            report = await reporter.CreateAsync(found, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return AdminResults.Problem(StatusCodes.Status400BadRequest, "invalid_configuration", "The gateway's configuration cannot be read for a report; run 'caduceus report' for the setting at fault.");
        }

        return html
            ? Results.Text(ComplianceReportHtml.Render(report), "text/html; charset=utf-8")
            : Results.Text(ComplianceReportJson.Write(report), "application/json; charset=utf-8");
    }
}
