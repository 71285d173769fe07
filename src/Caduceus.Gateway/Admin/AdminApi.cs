using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Training;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Caduceus.Gateway.Admin;

/// <summary>
/// The admin API under <c>/admin</c>: an admin key (the person) and, by default, an MFA session of that key
/// (<see cref="AdminMfaGate"/>); changes also need the person's training to be current (<see cref="AdminTrainingGate"/>);
/// problem details for every error.
/// </summary>
internal static class AdminApi
{
    public const string Prefix = "/admin";

    public static bool Owns(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup(Prefix).RequireAuthorization(GatewayPolicies.Admin).AddEndpointFilter<AdminMfaGate>().AddEndpointFilter<AdminTrainingGate>();
        AdminSessionEndpoints.Map(admin.MapGroup("/session").ExemptFromTraining());
        AdminMfaEndpoints.Map(admin.MapGroup("/mfa").ExemptFromTraining());
        AdminKeysEndpoints.Map(admin.MapGroup("/keys"));
        AdminModelsEndpoints.Map(admin.MapGroup("/models"));
        AdminIncidentsEndpoints.Map(admin.MapGroup("/incidents"));
        AdminIncidentsEndpoints.MapBlocks(admin.MapGroup("/blocks"));
        AdminIncidentsEndpoints.MapDrills(admin.MapGroup("/drills"));
        AdminIntelEndpoints.Map(admin.MapGroup("/intel"));
        AdminTrainingEndpoints.Map(admin.MapGroup("/training").ExemptFromTraining());
        AdminReportsEndpoints.Map(admin.MapGroup("/reports"));
        AdminDrillSchedulesEndpoints.Map(admin.MapGroup("/drills/schedules"));
    }
}
