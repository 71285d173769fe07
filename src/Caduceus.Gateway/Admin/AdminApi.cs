using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Caduceus.Gateway.Admin;

/// <summary>
/// The admin API under <c>/admin</c>: an admin key (the person) and, by default, an MFA session of that key
/// (<see cref="AdminMfaGate"/>); problem details for every error.
/// </summary>
internal static class AdminApi
{
    public const string Prefix = "/admin";

    public static bool Owns(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup(Prefix).RequireAuthorization(GatewayPolicies.Admin).AddEndpointFilter<AdminMfaGate>();
        AdminSessionEndpoints.Map(admin.MapGroup("/session"));
        AdminMfaEndpoints.Map(admin.MapGroup("/mfa"));
        AdminKeysEndpoints.Map(admin.MapGroup("/keys"));
        AdminModelsEndpoints.Map(admin.MapGroup("/models"));
        AdminIncidentsEndpoints.Map(admin.MapGroup("/incidents"));
        AdminIncidentsEndpoints.MapBlocks(admin.MapGroup("/blocks"));
        AdminIncidentsEndpoints.MapDrills(admin.MapGroup("/drills"));
        AdminDrillSchedulesEndpoints.Map(admin.MapGroup("/drills/schedules"));
    }
}
