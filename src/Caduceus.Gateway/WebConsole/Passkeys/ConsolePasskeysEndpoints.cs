using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>
/// <c>/console/passkeys</c>: a person's own passkeys. Registering one and removing one change how the account signs
/// in, so both need a step-up first (a stolen session cookie alone cannot add an attacker's passkey).
/// </summary>
internal static class ConsolePasskeysEndpoints
{
    private const string Route = "/console/passkeys";

    public static Task<IResult> ListAsync(HttpContext context, ConsolePasskeyRegistration registration, ConsoleSignIn signIn) =>
        PageAsync(context, registration, signIn, null, false, StatusCodes.Status200OK);

    public static async Task<IResult> BeginAsync(HttpContext context, ConsolePasskeyRegistration registration, ConsoleSignIn signIn)
    {
        var proof = await ConsoleStepUp.EnsureAsync(context, signIn, Route);
        if (!proof.Accepted)
        {
            return await PageAsync(context, registration, signIn, proof.Message, true, ConsoleStepUp.StatusFor(proof));
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var label = form["label"].ToString().Trim();
        if (label.Length > ConsolePasskeyRegistration.MaxLabelLength || label.Any(char.IsControl))
        {
            return await PageAsync(context, registration, signIn, $"The label must be at most {ConsolePasskeyRegistration.MaxLabelLength} characters on one line.", true, StatusCodes.Status400BadRequest, steppedUpNow: true);
        }

        var ceremony = await registration.BeginAsync(ConsoleRequest.RequiredUserOf(context), label.Length == 0 ? null : label, context.RequestAborted);
        return await PageAsync(context, registration, signIn, null, false, StatusCodes.Status200OK, steppedUpNow: true, pending: (ceremony.Id, ceremony.OptionsJson));
    }

    public static async Task<IResult> RegisterAsync(HttpContext context, ConsolePasskeyRegistration registration, ConsoleSignIn signIn)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var refusal = await registration.CompleteAsync(ConsoleRequest.RequiredUserOf(context), form["ceremony_id"], form["credential"], Route, context.RequestAborted);
        return refusal is null
            ? await PageAsync(context, registration, signIn, "The passkey is registered: next time, sign in with your password and this passkey.", false, StatusCodes.Status200OK)
            : await PageAsync(context, registration, signIn, refusal, true, StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> RemoveAsync(string id, HttpContext context, ConsolePasskeyRegistration registration, ConsoleSignIn signIn)
    {
        var proof = await ConsoleStepUp.EnsureAsync(context, signIn, Route + "/remove");
        if (!proof.Accepted)
        {
            return await PageAsync(context, registration, signIn, proof.Message, true, ConsoleStepUp.StatusFor(proof));
        }

        return await registration.RemoveAsync(ConsoleRequest.RequiredUserOf(context), id, Route + "/remove", context.RequestAborted)
            ? await PageAsync(context, registration, signIn, $"Passkey {id} is removed.", false, StatusCodes.Status200OK, steppedUpNow: true)
            : await PageAsync(context, registration, signIn, $"You have no passkey with id '{id}'.", true, StatusCodes.Status404NotFound, steppedUpNow: true);
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, ConsolePasskeyRegistration registration, ConsoleSignIn signIn, string? message, bool isError, int statusCode,
        bool steppedUpNow = false, (string CeremonyId, string OptionsJson)? pending = null)
    {
        var user = ConsoleRequest.RequiredUserOf(context);
        return ConsolePages.Render<PasskeysPage>(
            new()
            {
                [nameof(PasskeysPage.Chrome)] = ConsolePages.Chrome(context, "Passkeys", "passkeys"),
                [nameof(PasskeysPage.Passkeys)] = await registration.ListAsync(user, context.RequestAborted),
                [nameof(PasskeysPage.SteppedUp)] = steppedUpNow || signIn.IsSteppedUp(user),
                [nameof(PasskeysPage.PendingCeremonyId)] = pending?.CeremonyId,
                [nameof(PasskeysPage.PendingOptionsJson)] = pending?.OptionsJson,
                [nameof(PasskeysPage.Message)] = message,
                [nameof(PasskeysPage.MessageIsError)] = isError,
            },
            statusCode);
    }
}
