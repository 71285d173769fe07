using Caduceus.Gateway.Encryption;

namespace Caduceus.Gateway.Tests.Encryption;

/// <summary>A master key that fails on its <c>n</c>-th wrap, as a KMS that goes away or a process that dies midway would.</summary>
internal sealed class FailingMasterKey(IMasterKey inner, int failingWrap) : IMasterKey
{
    private int _wraps;

    public string KeyId => inner.KeyId;

    public string Source => inner.Source;

    public byte[] Wrap(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> associatedData) =>
        ++_wraps == failingWrap
            ? throw new IOException("The key service stopped answering.")
            : inner.Wrap(dataKey, associatedData);

    public bool TryUnwrap(byte[] wrappedKey, ReadOnlySpan<byte> associatedData, Span<byte> dataKey) =>
        inner.TryUnwrap(wrappedKey, associatedData, dataKey);
}
