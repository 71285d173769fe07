using System.Text.Json;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Storage;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// The STIX 2.1 bundle of the gateway's own indicators (payload hashes and abusive addresses it saw; never imported
/// ones, never text), for the admin API and for the CLI working on the gateway's database.
/// </summary>
public static class ThreatIntelExport
{
    public const string MediaType = StixBundleWriter.MediaType;

    /// <summary>
    /// Writes the bundle of indicators last seen at or after <paramref name="since"/> (all when null); returns how many.
    /// They are read from <paramref name="sharedState"/> when the gateway keeps them there (<c>State:Store = postgres</c>).
    /// </summary>
    public static Task<int> WriteBundleAsync(
        GatewayDatabase database, PostgresStateDatabase? sharedState, DateTimeOffset? since, DateTimeOffset now, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        IThreatIndicatorStore store = sharedState is null ? new SqliteThreatIndicatorStore(database) : new PostgresThreatIndicatorStore(sharedState);
        return WriteBundleAsync(store, since, now, output, cancellationToken);
    }

    internal static async Task<int> WriteBundleAsync(IThreatIndicatorStore store, DateTimeOffset? since, DateTimeOffset now, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        var indicators = await store.LocalAsync(since, cancellationToken);
        await using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            StixBundleWriter.Write(json, indicators, now);
        }

        return indicators.Count;
    }
}
