using System.Diagnostics.CodeAnalysis;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Configuration;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Endpoints;

/// <summary>The application an authenticated caller's key belongs to, shared by every endpoint that acts for one.</summary>
internal static class CallerApplication
{
    public static bool TryResolve(
        HttpContext context,
        GatewayOptions options,
        [NotNullWhen(true)] out string? name,
        [NotNullWhen(true)] out ApplicationOptions? application)
    {
        name = CallerClaims.ApplicationOf(context.User);
        application = null;
        return name is not null && options.Applications.TryGetValue(name, out application);
    }

    public static Task RefuseAsync(HttpContext context) =>
        GatewayErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "application_not_configured", "This key belongs to an application that is not configured on this gateway.");
}
