using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Training;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Hosting;

/// <summary>
/// In front of every console page and action: no live session, back to the login page; a form without a valid
/// antiforgery token, 400; an action (<see cref="ConsoleActionMetadata"/>) by someone who is not a
/// <c>security_admin</c>, or by one whose required training has lapsed (<see cref="TrainingEnforcement"/>), 403. Deny by default: only the login page and the static assets are outside it.
/// </summary>
internal sealed class ConsoleAccessFilter(ConsoleSignIn signIn, IAntiforgery antiforgery, TrainingEnforcement training) : IEndpointFilter
{
    public const string LoginPath = "/console/login";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var user = await signIn.ResolveAsync(context);
        if (user is null)
        {
            return Results.Redirect(LoginPath);
        }

        ConsoleRequest.SetUser(context, user);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !await antiforgery.IsRequestValidAsync(context))
        {
            return ConsolePages.Message(context, StatusCodes.Status400BadRequest, "Form expired", "The form was not accepted (its security token is missing or expired). Reload the page and try again.");
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<ConsoleActionMetadata>() is not null && !user.MayAct)
        {
            return ConsolePages.Message(context, StatusCodes.Status403Forbidden, "Not allowed", "Your console role may view this but not change it: this action needs the security_admin role.");
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<ConsoleActionMetadata>() is not null && await training.CheckAsync(context) is { } lapsed)
        {
            RequestAudit.Of(context)?.Refused(TrainingCodes.TrainingLapsed);
            return ConsolePages.Message(context, StatusCodes.Status403Forbidden, "Training lapsed", lapsed.Detail);
        }

        return await next(invocation);
    }
}
