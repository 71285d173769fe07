using System.Security.Cryptography;

namespace Caduceus.Gateway.Pipeline;

/// <summary>The per-process secret the conversation canaries are derived from. A restart changes every canary, which only matters mid-conversation.</summary>
internal sealed class CanaryKey
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public ReadOnlySpan<byte> Bytes => _key;
}
