using Caduceus.Gateway.WebConsole.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Caduceus.Gateway.WebConsole.Hosting;

/// <summary>Renders console pages (Razor components, server-side only) with their chrome and antiforgery token.</summary>
internal static class ConsolePages
{
    public static ConsoleChrome Chrome(HttpContext context, string title, string active)
    {
        var user = ConsoleRequest.UserOf(context);
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new ConsoleChrome(title, active, user?.Name, user?.Roles ?? [], tokens.RequestToken ?? string.Empty);
    }

    public static IResult Render<TPage>(Dictionary<string, object?> parameters, int statusCode = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new RazorComponentResult<TPage>(parameters) { StatusCode = statusCode };

    public static IResult Message(HttpContext context, int statusCode, string title, string message, string? backHref = null) =>
        Render<MessagePage>(
            new()
            {
                [nameof(MessagePage.Chrome)] = Chrome(context, title, string.Empty),
                [nameof(MessagePage.Message)] = message,
                [nameof(MessagePage.IsError)] = statusCode >= 400,
                [nameof(MessagePage.BackHref)] = backHref,
            },
            statusCode);
}
