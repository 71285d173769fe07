using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Pages;
using Caduceus.Gateway.WebConsole.Passkeys;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary><c>/console/login</c> (password and TOTP code, or password then passkey) and <c>/console/logout</c>.</summary>
internal static class ConsoleLoginEndpoints
{
    public static IResult ShowLogin(HttpContext context) => Login(context, null, StatusCodes.Status200OK);

    public static async Task<IResult> SignInAsync(HttpContext context, ConsoleSignIn signIn, ConsolePasskeySignIn passkeys, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return Login(context, "The sign-in form expired. Please try again.", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["method"] == ConsolePasskeyLoginEndpoints.Method)
        {
            return await ConsolePasskeyLoginEndpoints.BeginAsync(context, form, passkeys);
        }

        var (proof, token) = await signIn.SignInAsync(form["name"], form["password"], form["code"], ConsoleRequest.AddressOf(context), context.RequestAborted);
        return SignedIn(context, proof, token);
    }

    /// <summary>The answer to a finished sign-in: the session cookie and the console, or the login page saying why not.</summary>
    public static IResult SignedIn(HttpContext context, ConsoleProof proof, string? token)
    {
        if (!proof.Accepted)
        {
            return Refused(context, proof);
        }

        context.Response.Cookies.Append(ConsoleSessionTokens.CookieName, token!, SessionCookie(context));
        return Results.Redirect("/console");
    }

    /// <summary>The login page with the refusal's message: 401, 429 with <c>Retry-After</c> when locked, or 503 when the failure counters cannot be reached.</summary>
    public static IResult Refused(HttpContext context, ConsoleProof proof)
    {
        if (proof.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Login(context, proof.Message, proof.StatusCode);
    }

    public static async Task<IResult> SignOutAsync(HttpContext context, ConsoleSignIn signIn)
    {
        await signIn.SignOutAsync(ConsoleRequest.RequiredUserOf(context), context.RequestAborted);
        context.Response.Cookies.Delete(ConsoleSessionTokens.CookieName, SessionCookie(context));
        return Results.Redirect(ConsoleAccessFilter.LoginPath);
    }

    /// <summary>HttpOnly, SameSite=Strict, only under /console, and Secure whenever the console is served over HTTPS.</summary>
    private static CookieOptions SessionCookie(HttpContext context) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/console",
        IsEssential = true,
    };

    public static IResult Login(HttpContext context, string? error, int statusCode) =>
        ConsolePages.Render<LoginPage>(
            new()
            {
                [nameof(LoginPage.Chrome)] = ConsolePages.Chrome(context, "Sign in", "login"),
                [nameof(LoginPage.Error)] = error,
            },
            statusCode);
}
