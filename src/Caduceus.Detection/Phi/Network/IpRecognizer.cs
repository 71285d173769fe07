using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Network;

/// <summary>
/// Finds IPv4 (<c>203.0.113.7</c>) and IPv6 (<c>2001:db8::1</c>, <c>fe80::1%eth0</c>, <c>::ffff:192.0.2.1</c>) addresses,
/// confirmed by parsing. A dotted quad inside a longer run of numbers (<c>1.2.3.4.5</c>) or behind a version label
/// or a section label (<c>version 1.0.0.0</c>, <c>section 3.2.1.4</c>) is not an address. Private and loopback addresses are reported too.
/// </summary>
public sealed partial class IpRecognizer : IDetector
{
    private static readonly PatternRecognizer Recognizer = new(
        nameof(IpRecognizer),
        EntityTypes.Ip,
        requiredChars: ".:",
        [
            new("IPv4 address pattern", V4(), 0.6, Validator: IpAddressValidator.CheckV4),
            new("IPv6 address pattern", V6(), 0.7, Validator: IpAddressValidator.CheckV6, Precheck: MayHoldIpv6),
        ],
        new ContextWords(["ip", "ip address", "ipv4", "ipv6", "address", "host", "server", "client", "logged in from", "connected from", "source"]));

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    // An IPv6 address has "::", or a hex digit, a colon, one to four hex digits and another colon ("db8:85a3:"); a note
    // full of "Vitals:" headings has neither. The regex alone would try a match at every hex letter.
    private static bool MayHoldIpv6(ReadOnlySpan<char> text)
    {
        if (text.Contains("::", StringComparison.Ordinal))
        {
            return true;
        }

        var colon = text.IndexOf(':');
        while (colon >= 0)
        {
            var end = colon + 1;
            while (end < text.Length && end - colon <= 4 && char.IsAsciiHexDigit(text[end]))
            {
                end++;
            }

            if (colon > 0 && char.IsAsciiHexDigit(text[colon - 1]) && end > colon + 1 && end < text.Length && text[end] == ':')
            {
                return true;
            }

            var next = text[(colon + 1)..].IndexOf(':');
            colon = next < 0 ? -1 : colon + 1 + next;
        }

        return false;
    }

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    // Four dot-separated groups of 1-3 digits, not glued to a word, a dot-number run, a version or section label or the IPv6
    // address it ends ("::ffff:192.0.2.1", which the IPv6 pattern reports whole).
    [GeneratedRegex(
        @"(?<![\w.]|[0-9A-Fa-f:]:|(?i:\b(?:v|ver|version|release|build|rev|section|sect|sec|chapter|ch|para|paragraph|figure|fig|table|step|item|rule|clause|article|art)|§)[ .:]{0,2})[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![\w]|\.[0-9])",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex V4();

    // Up to seven colon-terminated hex groups (empty groups make "::"), then a last group or a dotted IPv4 tail, then
    // an optional zone. Each repetition must consume a colon, so the groups cannot be split two ways.
    [GeneratedRegex(
        @"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z]{1,15})?(?![\w:]|\.[0-9])",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex V6();
}
