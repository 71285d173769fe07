using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Addresses as indicators hold them: IPv4-mapped IPv6 folded to IPv4 (as block hashes do), canonical text.</summary>
internal static class ThreatAddresses
{
    public static string Canonical(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    /// <summary>Parses a single address; a <c>/32</c> or <c>/128</c> suffix is one address too, any other prefix is not.</summary>
    public static bool TryParseSingle(string text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(host, out var parsed) || host.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        if (slash >= 0 && text[(slash + 1)..] != (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? "32" : "128"))
        {
            return false;
        }

        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }
}
