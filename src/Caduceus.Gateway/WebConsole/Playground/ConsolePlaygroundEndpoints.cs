using Caduceus.Detection;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Pipeline;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Playground;

/// <summary>
/// <c>/console/playground</c>: what the detectors find in a pasted text and what the application's request policy
/// would do. Values are masked; a privacy officer may reveal them with a reason, and each reveal is an audit record
/// (types, counts, keyed hashes, the reason code; never the text) and a security event. Nothing is stored or logged.
/// </summary>
internal static class ConsolePlaygroundEndpoints
{
    public const int MaxTextLength = 20_000;

    public static IResult Page(HttpContext context, IOptions<GatewayOptions> options) =>
        Render(context, options.Value, GatewayOptions.DefaultApplicationName, null, [], false, null, StatusCodes.Status200OK);

    public static async Task<IResult> AnalyzeAsync(
        HttpContext context,
        IOptions<GatewayOptions> options,
        ApplicationAnalyzers analyzers,
        Policies.EffectivePolicies policies,
        IAuditLog audit,
        FindingValueHasher hasher,
        SecurityEventBus events,
        TimeProvider clock)
    {
        var gateway = options.Value;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var text = form["text"].ToString();
        var application = gateway.Applications.Keys.FirstOrDefault(name => name == form["application"].ToString()) ?? GatewayOptions.DefaultApplicationName;
        if (text.Length == 0 || text.Length > MaxTextLength)
        {
            return Render(context, gateway, application, null, [], false, $"Paste a text of 1 to {MaxTextLength:N0} characters.", StatusCodes.Status400BadRequest);
        }

        var user = ConsoleRequest.RequiredUserOf(context);
        var reason = form["reveal_reason"].ToString();
        var reveal = form["reveal"] == "on";
        if (reveal && !user.MayRevealPhi)
        {
            return Render(context, gateway, application, null, [], false, "Your console role may not reveal PHI values: only a privacy_officer may, with a reason.", StatusCodes.Status403Forbidden);
        }

        if (reveal && !RevealReasons.IsKnown(reason))
        {
            return Render(context, gateway, application, null, [], false, "Choose why you reveal the values; the reason is recorded in the audit trail.", StatusCodes.Status400BadRequest);
        }

        var findings = analyzers.For(application).Analyze(new DetectionInput(text, TextSource.User));
        var effective = await policies.ForAsync(application, gateway.Applications[application], context.RequestAborted);
        var (segments, rows) = PlaygroundAnalysis.Build(text, findings, effective.Policy.Request, reveal);
        if (reveal)
        {
            // Audited before the values are sent: no reveal without its record.
            var code = "phi_revealed:" + reason;
            await audit.AppendAsync(RevealRecord(user, application, code, findings, text, hasher, clock.GetUtcNow()), context.RequestAborted);
            events.Publish(ConsoleEvents.PhiRevealed, code, application, user.Account.Principal, "/console/playground");
        }

        return Render(context, gateway, application, segments, rows, reveal, null, StatusCodes.Status200OK);
    }

    private static AuditRecord RevealRecord(ConsoleUser user, string application, string code, IReadOnlyList<Finding> findings, string text, FindingValueHasher hasher, DateTimeOffset now) => new()
    {
        Time = now,
        Kind = "console",
        Method = "POST",
        Route = "/console/playground/reveal",
        Status = StatusCodes.Status200OK,
        Decision = AuditDecisions.Allowed,
        Code = code,
        KeyId = user.Account.Principal,
        Application = application,
        Findings = findings.Where(f => f.Length > 0 && f.End <= text.Length).GroupBy(f => f.EntityType, StringComparer.Ordinal)
            .Select(g => new AuditFinding(g.Key, g.Count(), g.Select(f => hasher.Hash(text.AsSpan(f.Start, f.Length))).Distinct(StringComparer.Ordinal).ToArray()))
            .ToArray(),
    };

    private static IResult Render(
        HttpContext context, GatewayOptions gateway, string application, IReadOnlyList<PlaygroundSegment>? segments, IReadOnlyList<PlaygroundFinding> findings, bool revealed, string? message, int statusCode) =>
        ConsolePages.Render<PlaygroundPage>(
            new()
            {
                [nameof(PlaygroundPage.Chrome)] = ConsolePages.Chrome(context, "Playground", "playground"),
                [nameof(PlaygroundPage.Model)] = new PlaygroundModel(gateway.Applications.Keys.Order(StringComparer.Ordinal).ToArray(), application, segments, findings, revealed, message),
            },
            statusCode);
}
