using System.Security.Claims;

namespace Caduceus.Gateway.Authentication;

/// <summary>Claim types the gateway puts on an authenticated caller, and typed access to them. Roles use <see cref="ClaimTypes.Role"/>.</summary>
internal static class CallerClaims
{
    public const string KeyId = "caduceus:key_id";
    public const string Application = "caduceus:application";

    public static string? KeyIdOf(ClaimsPrincipal user) => user.FindFirstValue(KeyId);

    public static string? ApplicationOf(ClaimsPrincipal user) => user.FindFirstValue(Application);
}
