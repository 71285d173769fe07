using Caduceus.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Caduceus.Gateway.Authentication;

/// <summary>
/// Who may call what. Deny by default: every endpoint needs an authenticated key (the fallback policy), and each
/// family of endpoints names the roles it allows.
/// </summary>
internal static class GatewayPolicies
{
    /// <summary>The model endpoints: any role but admin. An admin key that should also chat needs a second role.</summary>
    public const string ModelUse = "caduceus:model-use";

    /// <summary>The Prometheus scrape endpoint: monitoring systems, which hold service keys.</summary>
    public const string Metrics = "caduceus:metrics";

    /// <summary>The admin API: the admin role only.</summary>
    public const string Admin = "caduceus:admin";

    public static void Add(AuthorizationBuilder authorization)
    {
        authorization
            .SetFallbackPolicy(Authenticated().Build())
            .AddPolicy(ModelUse, Authenticated().RequireRole(CallerRoles.ModelUsers).Build())
            .AddPolicy(Admin, Authenticated().RequireRole(CallerRoles.Admin).Build())
            .AddPolicy(Metrics, Authenticated().RequireRole(CallerRoles.Service).Build());
    }

    private static AuthorizationPolicyBuilder Authenticated() =>
        new AuthorizationPolicyBuilder(OidcAuthentication.CallerScheme).RequireAuthenticatedUser();
}
