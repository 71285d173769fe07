using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>
/// Passkey sign-in: the login form's "use a passkey" button posts name and password (<see cref="BeginAsync"/>), the
/// passkey page asks the browser for an assertion and posts it to <c>/console/login/passkey</c> (<see cref="CompleteAsync"/>).
/// </summary>
internal static class ConsolePasskeyLoginEndpoints
{
    /// <summary>The login form's <c>method</c> value that asks for a passkey instead of a code.</summary>
    public const string Method = "passkey";

    public static async Task<IResult> BeginAsync(HttpContext context, IFormCollection form, ConsolePasskeySignIn passkeys)
    {
        var challenge = await passkeys.BeginAsync(form["name"], form["password"], ConsoleRequest.AddressOf(context), context.RequestAborted);
        if (!challenge.Proof.Accepted)
        {
            return ConsoleLoginEndpoints.Refused(context, challenge.Proof);
        }

        return ConsolePages.Render<PasskeyLoginPage>(new()
        {
            [nameof(PasskeyLoginPage.Chrome)] = ConsolePages.Chrome(context, "Confirm with your passkey", "login"),
            [nameof(PasskeyLoginPage.AccountName)] = challenge.AccountName,
            [nameof(PasskeyLoginPage.CeremonyId)] = challenge.CeremonyId,
            [nameof(PasskeyLoginPage.OptionsJson)] = challenge.OptionsJson,
        });
    }

    public static async Task<IResult> CompleteAsync(HttpContext context, ConsolePasskeySignIn passkeys, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return ConsoleLoginEndpoints.Login(context, "The sign-in form expired. Please try again.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (proof, token) = await passkeys.CompleteAsync(form["name"], form["ceremony_id"], form["assertion"], ConsoleRequest.AddressOf(context), context.RequestAborted);
        return ConsoleLoginEndpoints.SignedIn(context, proof, token);
    }
}
