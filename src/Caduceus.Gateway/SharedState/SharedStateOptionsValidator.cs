using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>Stops the gateway at start-up, in one line that never quotes the connection string, when <c>State</c> is unusable.</summary>
public sealed class SharedStateOptionsValidator(SharedStateOptions options) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions gateway)
    {
        if (!string.Equals(options.Store, SharedStateOptions.SqliteStore, StringComparison.OrdinalIgnoreCase) && !options.UsesPostgres)
        {
            return ValidateOptionsResult.Fail($"State:Store must be '{SharedStateOptions.SqliteStore}' or '{SharedStateOptions.PostgresStore}'.");
        }

        if (!options.UsesPostgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("State:ConnectionString is required when State:Store is 'postgres' (set CADUCEUS_State__ConnectionString).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail("State:ConnectionString is not a valid PostgreSQL connection string.");
        }
    }
}
