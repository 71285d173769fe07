using Caduceus.Gateway.Policies;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Caduceus.Gateway.WebConsole.Sessions;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Applications;

/// <summary>
/// <c>/console/applications</c>: each application's effective policy and where it comes from; a <c>security_admin</c>
/// edits one, sees the line diff on a confirm screen, and saves it with a step-up. The override is stored in the
/// gateway's database and every gateway sharing it follows within a second; each change is a history row, an audit
/// record (before and after hashes) and a <c>policy.changed</c> event. Saving the configured policy removes the override.
/// </summary>
internal static class ConsoleApplicationsEndpoints
{
    public const string Route = "/console/applications";
    private const int RecentChanges = 50;

    public static Task<IResult> ListAsync(HttpContext context, ConsoleApplicationsContext applications) =>
        ListPageAsync(context, applications, null, false, StatusCodes.Status200OK);

    public static async Task<IResult> EditAsync(string name, HttpContext context, ConsoleApplicationsContext applications)
    {
        if (applications.ApplicationNamed(name) is not { } application)
        {
            return await ListPageAsync(context, applications, "There is no application of that name.", true, StatusCodes.Status404NotFound);
        }

        var policy = (await applications.Policies.ForAsync(application, applications.Gateway.Applications[application], context.RequestAborted)).Policy;
        return EditPage(context, application, policy, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> PreviewAsync(string name, HttpContext context, ConsoleApplicationsContext applications)
    {
        if (applications.ApplicationNamed(name) is not { } application)
        {
            return await ListPageAsync(context, applications, "There is no application of that name.", true, StatusCodes.Status404NotFound);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!PolicyForm.TryRead(form, application, out var proposed, out var invalid))
        {
            var current = (await applications.Policies.ForAsync(application, applications.Gateway.Applications[application], context.RequestAborted)).Policy;
            return EditPage(context, application, current, "Nothing was saved: " + invalid, StatusCodes.Status400BadRequest);
        }

        var (before, overrideHash) = await CurrentTextAsync(application, applications, context.RequestAborted);
        var after = PolicyText.Render(proposed);
        if (before == after)
        {
            return EditPage(context, application, proposed, "That is the policy already in force; nothing to save.", StatusCodes.Status200OK, isError: false);
        }

        var user = ConsoleRequest.RequiredUserOf(context);
        return ConsolePages.Render<PolicyConfirmPage>(new()
        {
            [nameof(PolicyConfirmPage.Chrome)] = ConsolePages.Chrome(context, "Confirm policy change", "applications"),
            [nameof(PolicyConfirmPage.Application)] = application,
            [nameof(PolicyConfirmPage.Diff)] = PolicyLineDiff.Compute(before, after),
            [nameof(PolicyConfirmPage.ProposedText)] = after,
            [nameof(PolicyConfirmPage.ExpectedOverrideHash)] = overrideHash ?? string.Empty,
            [nameof(PolicyConfirmPage.ResetsToConfiguration)] = after == ConfiguredText(application, applications),
            [nameof(PolicyConfirmPage.SteppedUp)] = applications.SignIn.IsSteppedUp(user),
        });
    }

    public static async Task<IResult> ConfirmAsync(string name, HttpContext context, ConsoleApplicationsContext applications)
    {
        if (applications.ApplicationNamed(name) is not { } application)
        {
            return await ListPageAsync(context, applications, "There is no application of that name.", true, StatusCodes.Status404NotFound);
        }

        var proof = await ConsoleStepUp.EnsureAsync(context, applications.SignIn, Route + "/policy");
        if (!proof.Accepted)
        {
            return await ListPageAsync(context, applications, proof.Message + " Nothing was saved.", true, ConsoleStepUp.StatusFor(proof));
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var failures = new List<string>();
        if (!PolicyText.TryParse(form["proposed"], out var proposed, out var invalid) || Validated(application, proposed, failures) is false)
        {
            return await ListPageAsync(context, applications, "Nothing was saved: " + (invalid ?? failures[0]), true, StatusCodes.Status400BadRequest);
        }

        var (before, overrideHash) = await CurrentTextAsync(application, applications, context.RequestAborted);
        var after = PolicyText.Render(proposed);
        var expected = form["expected"].ToString();
        if (!string.Equals(overrideHash ?? string.Empty, expected, StringComparison.Ordinal))
        {
            return await ListPageAsync(context, applications, "Nothing was saved: the policy was changed by someone else meanwhile. Review it and edit again.", true, StatusCodes.Status409Conflict);
        }

        var user = ConsoleRequest.RequiredUserOf(context);
        var now = applications.Clock.GetUtcNow();
        var reset = after == ConfiguredText(application, applications);
        var change = new PolicyChange(application, user.Account.Principal, now, PolicyText.Hash(before), PolicyText.Hash(after), PolicyLineDiff.ToText(PolicyLineDiff.Compute(before, after)));
        if (!await applications.Store.SaveAsync(change, overrideHash, reset ? null : after, context.RequestAborted))
        {
            return await ListPageAsync(context, applications, "Nothing was saved: the policy was changed by someone else meanwhile. Review it and edit again.", true, StatusCodes.Status409Conflict);
        }

        applications.Policies.Invalidate();
        var raised = applications.Events.Publish(PolicyEvents.Changed, reset ? "reset" : "overridden", application, user.Account.Principal, Route + "/policy");
        await ConsoleChangeAudit.AppendAsync(
            applications.Audit, user, Route + "/policy", $"policy_changed:{change.BeforeHash[..16]}:{change.AfterHash[..16]}", application, null, raised.Id, now, context.RequestAborted);
        var message = reset
            ? $"The policy of {application} is back to its configuration; gateways apply it within a second."
            : $"The new policy of {application} is saved; gateways apply it within a second.";
        return await ListPageAsync(context, applications, message, false, StatusCodes.Status200OK);
    }

    private static bool Validated(string application, ApplicationPolicy policy, List<string> failures)
    {
        Configuration.ApplicationPolicyValidator.Validate(application, policy, failures);
        return failures.Count == 0;
    }

    private static async Task<(string Text, string? OverrideHash)> CurrentTextAsync(string application, ConsoleApplicationsContext applications, CancellationToken cancellationToken)
    {
        var current = await applications.Policies.OverrideOfAsync(application, cancellationToken);
        return current is null ? (ConfiguredText(application, applications), null) : (current.PolicyText, current.PolicyHash);
    }

    private static string ConfiguredText(string application, ConsoleApplicationsContext applications) =>
        PolicyText.Render(applications.Gateway.Applications[application].Policy);

    private static IResult EditPage(HttpContext context, string application, ApplicationPolicy policy, string? message, int statusCode, bool isError = true) =>
        ConsolePages.Render<PolicyEditPage>(
            new()
            {
                [nameof(PolicyEditPage.Chrome)] = ConsolePages.Chrome(context, "Edit policy", "applications"),
                [nameof(PolicyEditPage.Application)] = application,
                [nameof(PolicyEditPage.Policy)] = policy,
                [nameof(PolicyEditPage.Message)] = message,
                [nameof(PolicyEditPage.MessageIsError)] = isError,
            },
            statusCode);

    private static async Task<IResult> ListPageAsync(HttpContext context, ConsoleApplicationsContext applications, string? message, bool isError, int statusCode)
    {
        var views = new List<ApplicationPolicyView>();
        foreach (var (name, configured) in applications.Gateway.Applications.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var current = await applications.Policies.OverrideOfAsync(name, context.RequestAborted);
            var text = current?.PolicyText ?? PolicyText.Render(configured.Policy);
            views.Add(new ApplicationPolicyView(name, configured.Upstream.BaseUrl, text, PolicyText.Hash(text), current?.ChangedBy, current?.ChangedAt));
        }

        return ConsolePages.Render<ApplicationsPage>(
            new()
            {
                [nameof(ApplicationsPage.Chrome)] = ConsolePages.Chrome(context, "Applications and policies", "applications"),
                [nameof(ApplicationsPage.Applications)] = views,
                [nameof(ApplicationsPage.Changes)] = await applications.Store.RecentChangesAsync(RecentChanges, context.RequestAborted),
                [nameof(ApplicationsPage.Message)] = message,
                [nameof(ApplicationsPage.MessageIsError)] = isError,
            },
            statusCode);
    }
}
