using Caduceus.Gateway.Configuration;

namespace Caduceus.Gateway.Keys;

/// <summary>Makes sure a fresh gateway can be used: the first start creates a client key.</summary>
public static class ApiKeyBootstrap
{
    /// <summary>
    /// When the store holds no key: imports <paramref name="bootstrapSecret"/> if given, otherwise creates a key and
    /// returns it so it can be shown once. Returns null when nothing new needs showing.
    /// </summary>
    public static async Task<IssuedApiKey?> EnsureClientKeyAsync(IApiKeyStore store, string? bootstrapSecret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.AnyAsync(cancellationToken))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(bootstrapSecret))
        {
            await store.ImportAsync(bootstrapSecret, GatewayOptions.DefaultApplicationName, cancellationToken);
            return null;
        }

        return await store.CreateAsync(GatewayOptions.DefaultApplicationName, cancellationToken);
    }
}
