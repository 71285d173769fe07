using System.Net;
using System.Net.Sockets;

namespace Caduceus.Detection.Phi.Network;

/// <summary>
/// Confirms an IP candidate by parsing it with <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/>.
/// Every well-formed address counts, private and loopback ones included: any address can identify a person's device.
/// </summary>
internal static class IpAddressValidator
{
    public static CandidateCheck CheckV4(ReadOnlySpan<char> candidate)
    {
        // TryParse also accepts shorthand and octal forms ("1.2.3", "0x7f.1"); the pattern admits only four decimal
        // parts, so only the octet range is left to check here.
        foreach (var range in candidate.Split('.'))
        {
            var part = candidate[range];
            if (part.Length > 3 || int.Parse(part, provider: null) > 255)
            {
                return CandidateCheck.Invalid("octet above 255");
            }
        }

        return IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetwork
            ? CandidateCheck.Valid("parses as an IPv4 address")
            : CandidateCheck.Invalid("does not parse as an IPv4 address");
    }

    public static CandidateCheck CheckV6(ReadOnlySpan<char> candidate)
    {
        // Times ("10:30:45") and MAC addresses ("00:1a:2b:3c:4d:5e") have colons too; neither parses as IPv6.
        if (!candidate.ContainsAnyExcept(':'))
        {
            return CandidateCheck.Invalid("no address digits");
        }

        return IPAddress.TryParse(candidate, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? CandidateCheck.Valid("parses as an IPv6 address")
            : CandidateCheck.Invalid("does not parse as an IPv6 address");
    }
}
