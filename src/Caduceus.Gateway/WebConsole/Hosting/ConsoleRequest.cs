using System.Security.Claims;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Hosting;

/// <summary>The signed-in person of a console request, as <see cref="ConsoleAccessFilter"/> found them.</summary>
internal static class ConsoleRequest
{
    private static readonly object UserKey = new();

    /// <summary>
    /// Remembers the person for the handler, and makes them the request's user: the audit record then names
    /// <c>console:NAME</c> as the caller, and antiforgery tokens are bound to them.
    /// </summary>
    public static void SetUser(HttpContext context, ConsoleUser user)
    {
        context.Items[UserKey] = user;
        context.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Account.Principal), new Claim(ClaimTypes.NameIdentifier, user.Account.Principal), new Claim(CallerClaims.KeyId, user.Account.Principal)],
            "caduceus-console"));
    }

    public static ConsoleUser? UserOf(HttpContext context) => context.Items.TryGetValue(UserKey, out var user) ? user as ConsoleUser : null;

    public static ConsoleUser RequiredUserOf(HttpContext context) =>
        UserOf(context) ?? throw new InvalidOperationException("A console handler ran without the access filter.");

    public static string? AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
