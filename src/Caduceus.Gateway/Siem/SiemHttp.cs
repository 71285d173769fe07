using System.Net;

namespace Caduceus.Gateway.Siem;

/// <summary>The HTTP plumbing the HTTP exporters share: a handler with sane timeouts, and URL checks for start-up.</summary>
internal static class SiemHttp
{
    public static SocketsHttpHandler Handler() => new()
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        AllowAutoRedirect = false,
    };

    public static Uri WithTrailingSlash(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);

    /// <summary>
    /// Null when <paramref name="url"/> is an absolute https address (http only on loopback, for local collectors and
    /// tests), else why not. The message names the setting and never echoes anything but the URL's scheme.
    /// </summary>
    public static string? CheckUrl(string? url, string setting)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return $"{setting} must be an absolute http(s) URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return $"{setting} must not carry credentials; use the exporter's token or key setting.";
        }

        return uri.Scheme == "http" && !uri.IsLoopback ? $"{setting} must use https (http is allowed only on loopback)." : null;
    }
}
