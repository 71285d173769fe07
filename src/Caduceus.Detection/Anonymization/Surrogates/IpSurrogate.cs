using System.Globalization;

namespace Caduceus.Detection.Anonymization.Surrogates;

/// <summary>
/// An address from the ranges reserved for documentation: IPv4 <c>203.0.113.0/24</c> (RFC 5737), IPv6
/// <c>2001:db8::/32</c> (RFC 3849).
/// </summary>
internal static class IpSurrogate
{
    public static string Create(string value, KeyedDraw draw) => value.Contains(':', StringComparison.Ordinal)
        ? "2001:db8::" + draw.Next(1, 0xffff).ToString("x", CultureInfo.InvariantCulture)
        : "203.0.113." + draw.Next(1, 254).ToString(CultureInfo.InvariantCulture);
}
