using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Caduceus.Gateway.Endpoints;

/// <summary>Liveness and readiness probes; anonymous, and they say nothing about configuration or traffic.</summary>
internal static class HealthEndpoints
{
    public static IResult Live() => Results.Json(new Dictionary<string, string> { ["status"] = "ok" });

    /// <summary>Ready when the embedded database and, with <c>State:Store = postgres</c>, the shared one answer.</summary>
    public static async Task<IResult> ReadyAsync(GatewayDatabase database, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken);
            }

            if (context.RequestServices.GetService<PostgresStateDatabase>() is { } shared)
            {
                await using var connection = await shared.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
            }

            return Results.Json(new Dictionary<string, string> { ["status"] = "ready" });
        }
        catch (System.Data.Common.DbException)
        {
            return Results.Json(new Dictionary<string, string> { ["status"] = "store_unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
