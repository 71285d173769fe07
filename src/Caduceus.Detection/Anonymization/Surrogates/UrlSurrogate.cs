namespace Caduceus.Detection.Anonymization.Surrogates;

/// <summary>A page on <c>example.org</c> (RFC 2606), keeping the scheme: <c>https://example.org/r/k3v9x2qa</c>.</summary>
internal static class UrlSurrogate
{
    public static string Create(string value, KeyedDraw draw)
    {
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 && value[..schemeEnd].All(char.IsAsciiLetter) ? value[..(schemeEnd + 3)].ToLowerInvariant() : string.Empty;
        Span<char> path = stackalloc char[8];
        for (var i = 0; i < path.Length; i++)
        {
            var n = draw.Next(36);
            path[i] = n < 10 ? (char)('0' + n) : (char)('a' + n - 10);
        }

        return string.Concat(scheme, EmailSurrogate.Domain, "/r/", path);
    }
}
