namespace Caduceus.Gateway.Encryption;

/// <summary>A row of <c>data_keys</c>: a data key as stored, wrapped by the master key <see cref="MasterKeyId"/>.</summary>
internal sealed record WrappedDataKey(string Purpose, string MasterKeyId, byte[] WrappedKey);
