using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Caduceus.Gateway.Drills;

/// <summary>
/// The loopback address at which this gateway reaches itself, from the addresses Kestrel listens on: plain HTTP when
/// there is one (a certificate for a public name would not match a loopback address), a wildcard host as loopback.
/// </summary>
internal sealed class GatewaySelfAddress(IServer server)
{
    /// <summary>The API base (<c>http://127.0.0.1:PORT/v1/</c>), or null when the gateway listens nowhere it can reach.</summary>
    public Uri? ApiBase()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var candidates = addresses
            .Select(Loopback)
            .OfType<Uri>()
            .OrderBy(uri => uri.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ToArray();
        return candidates.Length == 0 ? null : new Uri(candidates[0], "v1/");
    }

    private static Uri? Loopback(string address)
    {
        // Kestrel reports wildcards as http://[::]:8080 or http://0.0.0.0:8080; configuration may also say + or *.
        var normalized = address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var host = uri.Host switch
        {
            "0.0.0.0" or "localhost" => "127.0.0.1",
            "[::]" => "[::1]",
            _ => uri.Host,
        };
        return new UriBuilder(uri.Scheme, host, uri.Port, "/").Uri;
    }
}
