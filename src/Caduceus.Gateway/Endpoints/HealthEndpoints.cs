using Caduceus.Gateway.Storage;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Endpoints;

/// <summary>Liveness and readiness probes; anonymous, and they say nothing about configuration or traffic.</summary>
internal static class HealthEndpoints
{
    public static IResult Live() => Results.Json(new Dictionary<string, string> { ["status"] = "ok" });

    public static async Task<IResult> ReadyAsync(GatewayDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return Results.Json(new Dictionary<string, string> { ["status"] = "ready" });
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return Results.Json(new Dictionary<string, string> { ["status"] = "store_unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
