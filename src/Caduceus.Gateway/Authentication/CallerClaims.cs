using System.Security.Claims;

namespace Caduceus.Gateway.Authentication;

/// <summary>Claim types the gateway puts on an authenticated caller, and typed access to them. Roles use <see cref="ClaimTypes.Role"/>.</summary>
internal static class CallerClaims
{
    public const string KeyId = "caduceus:key_id";
    public const string Application = "caduceus:application";

    public static string? KeyIdOf(ClaimsPrincipal user) => user.FindFirstValue(KeyId);

    public static string? ApplicationOf(ClaimsPrincipal user) => user.FindFirstValue(Application);

    /// <summary>The principal every scheme produces: who (key id or <c>oidc:sub</c>), for which application, with which roles.</summary>
    public static ClaimsPrincipal Principal(string principalId, string application, IEnumerable<string> roles, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, principalId),
            new(KeyId, principalId),
            new(Application, application),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
