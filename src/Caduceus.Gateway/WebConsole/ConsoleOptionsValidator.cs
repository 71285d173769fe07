using System.Net;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole;

/// <summary>Checks the <c>Console</c> section's passkey settings at start-up, so a mistake stops the gateway with a message.</summary>
internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var failures = new List<string>();
        var passkeys = options.Passkeys;
        var rpId = passkeys.RelyingPartyId;
        if (string.IsNullOrWhiteSpace(rpId) || IPAddress.TryParse(rpId, out _) || rpId.Contains(':', StringComparison.Ordinal) || rpId.Contains('/', StringComparison.Ordinal))
        {
            failures.Add("Console:Passkeys:RelyingPartyId must be a domain name such as console.example.org (not an IP address); browsers refuse passkeys for IP addresses.");
        }
        else if (!string.IsNullOrEmpty(passkeys.Origin))
        {
            ValidateOrigin(passkeys.Origin, rpId, failures);
        }

        if (string.IsNullOrWhiteSpace(passkeys.RelyingPartyName))
        {
            failures.Add("Console:Passkeys:RelyingPartyName must not be empty.");
        }

        if (passkeys.CeremonyTimeout < TimeSpan.FromSeconds(30) || passkeys.CeremonyTimeout > TimeSpan.FromMinutes(30))
        {
            failures.Add("Console:Passkeys:CeremonyTimeout must be between 00:00:30 and 00:30:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateOrigin(string configured, string rpId, List<string> failures)
    {
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var origin)
            || (origin.Scheme != Uri.UriSchemeHttp && origin.Scheme != Uri.UriSchemeHttps)
            || origin.AbsolutePath != "/" || !string.IsNullOrEmpty(origin.Query) || configured.EndsWith('/'))
        {
            failures.Add("Console:Passkeys:Origin must be a web origin such as https://console.example.org (scheme, host and port only).");
            return;
        }

        if (!origin.Host.Equals(rpId, StringComparison.OrdinalIgnoreCase) && !origin.Host.EndsWith("." + rpId, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Console:Passkeys:RelyingPartyId must be the host of Console:Passkeys:Origin or a suffix of it (origin host: {origin.Host}).");
        }

        if (origin.Scheme == Uri.UriSchemeHttp && !origin.IsLoopback)
        {
            failures.Add("Console:Passkeys:Origin must use https unless it is a loopback address; browsers refuse passkeys elsewhere.");
        }
    }
}
