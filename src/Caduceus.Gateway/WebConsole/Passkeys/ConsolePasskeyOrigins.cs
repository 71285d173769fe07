using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>
/// The web origins a passkey answer may name: <c>Console:Passkeys:Origin</c> when set; otherwise each address the
/// gateway listens on, with the relying party id as its host (<c>http://127.0.0.1:PORT</c> becomes
/// <c>http://localhost:PORT</c>). Never a request's Host header, which any client can set.
/// </summary>
internal sealed class ConsolePasskeyOrigins(IServer server, IOptions<ConsoleOptions> options)
{
    public IReadOnlySet<string> Allowed()
    {
        var passkeys = options.Value.Passkeys;
        if (!string.IsNullOrEmpty(passkeys.Origin))
        {
            return new HashSet<string>(StringComparer.Ordinal) { passkeys.Origin };
        }

        // Read on every ceremony: with port 0 the bound ports are known only once the server has started.
        var origins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var normalized = address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
            if (Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                origins.Add(new UriBuilder(uri.Scheme, passkeys.RelyingPartyId, uri.Port).Uri.GetLeftPart(UriPartial.Authority));
            }
        }

        return origins;
    }
}
