namespace Caduceus.Gateway.Encryption;

/// <summary>
/// The key that wraps the gateway's data keys (envelope encryption). The gateway never sees more of it than this:
/// a deployment can implement it over a cloud KMS or an HSM, where the key never leaves the device, and register its
/// own instance after <see cref="Hosting.GatewayServiceCollectionExtensions.AddCaduceusGateway"/>.
/// </summary>
/// <remarks>
/// Calls are synchronous and rare: every data key is unwrapped once at start-up and kept in memory for the life of
/// the process, and wrapped again only when a data key is created or the master key is rotated.
/// </remarks>
public interface IMasterKey
{
    /// <summary>
    /// A stable public name of this key, stored beside every data key it wraps so the gateway can say which master key
    /// a keyring needs. Must not reveal key material.
    /// </summary>
    string KeyId { get; }

    /// <summary>Where the key comes from, for error messages: a setting's name, never key material.</summary>
    string Source { get; }

    /// <summary>Encrypts and authenticates <paramref name="dataKey"/>, bound to <paramref name="associatedData"/>.</summary>
    byte[] Wrap(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData);

    /// <summary>
    /// Opens what <see cref="Wrap"/> produced with the same associated data into <paramref name="dataKey"/>; false when
    /// it was altered, bound to other data, or wrapped by another key.
    /// </summary>
    bool TryUnwrap(byte[] wrappedKey, ReadOnlySpan<byte> associatedData, Span<byte> dataKey);
}
