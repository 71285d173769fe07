using System.Net;
using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Networking;

/// <summary>Stops the gateway at start-up, in one line, when a trusted proxy is not an address or a network.</summary>
internal sealed class TrustedProxiesOptionsValidator(TrustedProxiesOptions options) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions gateway)
    {
        foreach (var entry in options.TrustedProxies)
        {
            if (!TrustedProxyEntry.TryParse(entry, out _))
            {
                return ValidateOptionsResult.Fail(
                    $"ForwardedHeaders:TrustedProxies has '{entry}', which is neither an IP address nor a network such as 10.0.0.0/8.");
            }
        }

        return options.ForwardLimit is < 1 or > 10
            ? ValidateOptionsResult.Fail("ForwardedHeaders:ForwardLimit must be between 1 and 10.")
            : ValidateOptionsResult.Success;
    }
}
