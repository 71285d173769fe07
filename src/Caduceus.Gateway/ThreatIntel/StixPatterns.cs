using System.Text.RegularExpressions;

namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// The STIX 2.1 patterns the gateway writes and acts on: one comparison of an address or a payload's SHA-256.
/// Anything richer (AND/OR, CIDR ranges, other objects) is valid STIX the gateway cannot enforce, so it is
/// "unsupported" rather than guessed at.
/// </summary>
internal static partial class StixPatterns
{
    public static string Format(ThreatIndicatorKind kind, string value) => kind switch
    {
        ThreatIndicatorKind.AttackPayload => $"[artifact:hashes.'SHA-256' = '{value}']",
        _ => $"[{(value.Contains(':', StringComparison.Ordinal) ? "ipv6-addr" : "ipv4-addr")}:value = '{value}']",
    };

    /// <summary>Parses a pattern the gateway can act on; false with <paramref name="malformed"/> when it is not a STIX pattern at all.</summary>
    public static bool TryParse(string pattern, out ThreatIndicatorKind kind, out string value, out bool malformed)
    {
        kind = default;
        value = "";
        var trimmed = pattern.Trim();
        malformed = trimmed.Length < 2 || trimmed[0] != '[' || trimmed[^1] != ']';
        if (malformed)
        {
            return false;
        }

        if (AddressPattern().Match(trimmed) is { Success: true } address)
        {
            if (!ThreatAddresses.TryParseSingle(address.Groups["value"].Value, out var parsed)
                || (address.Groups["type"].Value == "ipv4-addr") != (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork))
            {
                return false;
            }

            kind = ThreatIndicatorKind.SourceAddress;
            value = ThreatAddresses.Canonical(parsed);
            return true;
        }

        if (HashPattern().Match(trimmed) is { Success: true } hash)
        {
            kind = ThreatIndicatorKind.AttackPayload;
            value = hash.Groups["value"].Value.ToLowerInvariant();
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^\[\s*(?<type>ipv4-addr|ipv6-addr):value\s*=\s*'(?<value>[^'\\]{1,64})'\s*\]$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"^\[\s*(?:artifact|file):hashes\.(?:'SHA-256'|SHA256|'SHA256')\s*=\s*'(?<value>[0-9a-fA-F]{64})'\s*\]$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex HashPattern();
}
