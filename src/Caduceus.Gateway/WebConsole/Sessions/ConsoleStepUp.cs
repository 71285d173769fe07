using Caduceus.Gateway.WebConsole.Hosting;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>
/// The step-up in front of dangerous console actions: within the step-up window nothing more is asked; otherwise the
/// action's form must carry a fresh TOTP code (<c>step_up_code</c>). Signing in does not count as a step-up.
/// </summary>
internal static class ConsoleStepUp
{
    public const string CodeField = "step_up_code";

    public static async Task<ConsoleProof> EnsureAsync(HttpContext context, ConsoleSignIn signIn, string route)
    {
        var user = ConsoleRequest.RequiredUserOf(context);
        if (signIn.IsSteppedUp(user))
        {
            return ConsoleProof.Ok;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var proof = await signIn.StepUpAsync(user, form[CodeField], ConsoleRequest.AddressOf(context), route, context.RequestAborted);
        return proof.Accepted || proof.RetryAfter is not null
            ? proof
            : proof with { Message = "This action needs a step-up: " + proof.Message };
    }

    public static int StatusFor(ConsoleProof proof) =>
        proof.RetryAfter is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status429TooManyRequests;
}
