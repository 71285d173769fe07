using Caduceus.Gateway.Authentication;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>Who is making an admin request: the admin key (the person), its application, and the source address.</summary>
internal sealed record AdminCaller(string KeyId, string? Application, string? Address)
{
    public static AdminCaller From(HttpContext context) => new(
        CallerClaims.KeyIdOf(context.User) ?? throw new InvalidOperationException("The admin API runs only for authenticated keys."),
        CallerClaims.ApplicationOf(context.User),
        context.Connection.RemoteIpAddress?.ToString());
}
