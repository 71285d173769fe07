using System.Net;

namespace Caduceus.Gateway.Networking;

/// <summary>One <c>ForwardedHeaders:TrustedProxies</c> entry: an address is the network of just that address; a network has no host bits set.</summary>
internal static class TrustedProxyEntry
{
    public static bool TryParse(string? text, out IPNetwork network)
    {
        var trimmed = text?.Trim();
        if (IPAddress.TryParse(trimmed, out var address) && !trimmed!.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        // "10.0.0.5/8" is refused rather than read as 10.0.0.0/8: an operator who wrote it meant something narrower.
        return IPNetwork.TryParse(trimmed, out network)
            && IPAddress.TryParse(trimmed!.AsSpan(0, trimmed!.IndexOf('/', StringComparison.Ordinal)), out var written)
            && written.Equals(network.BaseAddress);
    }
}
