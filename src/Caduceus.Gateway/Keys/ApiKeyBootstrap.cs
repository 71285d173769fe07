using Caduceus.Gateway.Configuration;
using Caduceus.Identity;

namespace Caduceus.Gateway.Keys;

/// <summary>Makes sure a fresh gateway can be used: the first start creates a client key.</summary>
public static class ApiKeyBootstrap
{
    /// <summary>
    /// The first key is a <see cref="CallerRoles.Service"/> key of the default application: it can use the models
    /// and nothing else. Administrators get their keys from <c>caduceus keys create --role admin</c>.
    /// </summary>
    public static NewApiKey FirstKey { get; } = new(GatewayOptions.DefaultApplicationName, [CallerRoles.Service], "bootstrap");

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
            await store.ImportAsync(bootstrapSecret, FirstKey, cancellationToken);
            return null;
        }

        return await store.CreateAsync(FirstKey, cancellationToken);
    }
}
