using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Passkeys;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>
/// The step-up in front of dangerous console actions: within the step-up window nothing more is asked; otherwise the
/// action's form must carry a fresh TOTP code (<c>step_up_code</c>) or a passkey's answer to a step-up ceremony.
/// Signing in does not count as a step-up.
/// </summary>
internal static class ConsoleStepUp
{
    public const string CodeField = "step_up_code";

    /// <summary>Instead of a code: the passkey ceremony <see cref="ConsolePasskeyStepUpEndpoints"/> started, and the browser's answer.</summary>
    public const string PasskeyCeremonyField = "step_up_ceremony";

    public const string PasskeyAnswerField = "step_up_assertion";

    public static async Task<ConsoleProof> EnsureAsync(HttpContext context, ConsoleSignIn signIn, string route)
    {
        var user = ConsoleRequest.RequiredUserOf(context);
        if (signIn.IsSteppedUp(user))
        {
            return ConsoleProof.Ok;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var proof = string.IsNullOrEmpty(form[PasskeyCeremonyField])
            ? await signIn.StepUpAsync(user, form[CodeField], ConsoleRequest.AddressOf(context), route, context.RequestAborted)
            : await context.RequestServices.GetRequiredService<ConsolePasskeySignIn>().StepUpAsync(
                user, form[PasskeyCeremonyField], form[PasskeyAnswerField], ConsoleRequest.AddressOf(context), route, context.RequestAborted);
        return proof.Accepted || proof.RetryAfter is not null || proof.CountersUnavailable
            ? proof
            : proof with { Message = "This action needs a step-up: " + proof.Message };
    }

    public static int StatusFor(ConsoleProof proof) => proof.StatusCode;
}
