using System.Buffers;
using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Network;

/// <summary>
/// Finds web addresses: with a scheme (<c>https://portal.example.org/patient/123</c>), starting with <c>www.</c>, or as a
/// bare domain with a known top-level domain (<c>janedoe.com/blog</c>). A domain inside an email address is left to
/// the email recognizer. Trailing sentence punctuation is not part of the address.
/// </summary>
public sealed partial class UrlRecognizer : IDetector
{
    // Domain labels separated by dots: each repetition must consume a dot, so labels cannot be split two ways.
    private const string Host = @"[\w-]+(?:\.[\w-]+)*";
    private const string Port = "(?::[0-9]{1,5})?";

    // A path, query or fragment, ending on a character that does not close a sentence or a bracket.
    private const string Path = @"(?:[/?#](?:[^\s<>""'`]*[^\s<>""'`.,;:!?)\]}])?)?";

    // The same domains as TopLevelDomains. Lower-case only: "fine.In the morning" is a missing space, not a domain. Two-letter country codes that are also
    // English words (in, it, me, no, be, to, at, us, so, do, go, my, on, or) are left out for the same reason.
    private const string TopLevelDomain =
        "(?:com|org|net|edu|gov|mil|info|biz|io|co|ai|app|dev|health|care|clinic|doctor|hospital|online|site|xyz|page|blog|tech|"
        + "link|social|news|uk|ca|au|de|fr|es|mx|br|nl|eu|ch|se|dk|fi|ie|nz|jp|cn|kr|ru|pl|tv|ly|gg)";

    private static readonly string[] TopLevelDomains =
    [
        "com", "org", "net", "edu", "gov", "mil", "info", "biz", "io", "co", "ai", "app", "dev", "health", "care", "clinic",
        "doctor", "hospital", "online", "site", "xyz", "page", "blog", "tech", "link", "social", "news", "uk", "ca", "au",
        "de", "fr", "es", "mx", "br", "nl", "eu", "ch", "se", "dk", "fi", "ie", "nz", "jp", "cn", "kr", "ru", "pl", "tv",
        "ly", "gg",
    ];

    // ".com", ".org", ...: a text without one has no bare domain, and most texts have none.
    private static readonly SearchValues<string> DotTopLevelDomains =
        SearchValues.Create([.. TopLevelDomains.Select(tld => "." + tld)], StringComparison.Ordinal);

    internal static readonly PatternRecognizer Recognizer = new(
        nameof(UrlRecognizer),
        EntityTypes.Url,
        requiredChars: ".:",
        [
            new(
                "URL pattern with scheme",
                WithScheme(),
                0.85,
                Precheck: static text => text.Contains("://", StringComparison.Ordinal),
                Anchor: new RegexAnchor(":", tokenChars: "", notAfter: "@")),
            new("URL pattern starting with www", WithWww(), 0.8, Precheck: static text => text.Contains("www", StringComparison.OrdinalIgnoreCase)),
            new(
                "URL pattern of a bare domain",
                BareDomain(),
                0.55,
                Validator: UrlValidator.CheckBareDomain,
                Precheck: static text => text.ContainsAny(DotTopLevelDomains),
                Anchor: new RegexAnchor(".", tokenChars: ".%+/-", notAfter: "@")),
        ],
        new ContextWords(
        [
            "url", "website", "web site", "site", "portal", "link", "page", "profile", "blog", "facebook", "instagram",
            "twitter", "linkedin", "tiktok", "youtube", "go to", "visit",
        ]));

    /// <inheritdoc />
    public string Name => Recognizer.Name;

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings) => Recognizer.Detect(input, findings);

    [GeneratedRegex(
        @"\G(?<![\w@])(?i:https?|ftp)://(?:" + Host + @"|\[[0-9A-Fa-f:.]{2,45}\])" + Port + Path,
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex WithScheme();

    [GeneratedRegex(
        @"(?<![\w@.%+/-])(?i:www[0-9]{0,3})\." + Host + Port + Path + "(?!@)",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex WithWww();

    // Not the domain or the local part of an email address: no '@' on either side.
    [GeneratedRegex(
        @"\G(?<![\w@.%+/-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+" + TopLevelDomain + @"(?![\w@-]|\.[A-Za-z0-9])" + Port + Path,
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex BareDomain();
}
