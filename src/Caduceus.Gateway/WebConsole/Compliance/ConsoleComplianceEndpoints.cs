using Caduceus.Gateway.Compliance;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Compliance;

/// <summary><c>/console/compliance?framework=NAME</c>: the compliance report the admin API and CLI give, as a console page.</summary>
internal static class ConsoleComplianceEndpoints
{
    public const string DefaultFramework = "hipaa";

    public static async Task<IResult> PageAsync(HttpContext context, string? framework, ComplianceReporter reporter)
    {
        if (ComplianceFrameworks.Find(framework ?? DefaultFramework) is not { } found)
        {
            return ConsolePages.Message(
                context, StatusCodes.Status404NotFound, "Compliance", $"There is no report framework with that name; use one of {ComplianceFrameworks.Names}.", "/console/compliance");
        }

        ComplianceReport report;
        try
        {
            report = await reporter.CreateAsync(found, context.RequestAborted);
        }
        catch (InvalidOperationException)
        {
            return ConsolePages.Message(
                context, StatusCodes.Status400BadRequest, "Compliance", "The gateway's configuration cannot be read for a report; run 'caduceus report' for the setting at fault.");
        }

        return ConsolePages.Render<CompliancePage>(new()
        {
            [nameof(CompliancePage.Chrome)] = ConsolePages.Chrome(context, "Compliance", "compliance"),
            [nameof(CompliancePage.Report)] = report,
            [nameof(CompliancePage.Frameworks)] = ComplianceFrameworks.All,
        });
    }
}
