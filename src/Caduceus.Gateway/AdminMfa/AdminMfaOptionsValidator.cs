using System.Net;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>Checks the <c>Admin</c> section at start-up, so a mistake stops the gateway with a message.</summary>
internal sealed class AdminMfaOptionsValidator : IValidateOptions<AdminMfaOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminMfaOptions options)
    {
        var failures = new List<string>();
        if (options.SessionIdleTimeout < TimeSpan.FromMinutes(1) || options.SessionIdleTimeout > TimeSpan.FromHours(8))
        {
            failures.Add("Admin:SessionIdleTimeout must be between 00:01:00 and 08:00:00.");
        }

        if (options.SessionMaxLifetime < options.SessionIdleTimeout || options.SessionMaxLifetime > TimeSpan.FromDays(1))
        {
            failures.Add("Admin:SessionMaxLifetime must be at least Admin:SessionIdleTimeout and at most 1.00:00:00.");
        }

        if (options.StepUpWindow < TimeSpan.FromSeconds(30) || options.StepUpWindow > TimeSpan.FromHours(1))
        {
            failures.Add("Admin:StepUpWindow must be between 00:00:30 and 01:00:00.");
        }

        if (options.MaxFailuresPerKey is < 1 or > 1000 || options.MaxFailuresPerAddress is < 1 or > 100_000)
        {
            failures.Add("Admin:MaxFailuresPerKey must be between 1 and 1000, Admin:MaxFailuresPerAddress between 1 and 100000.");
        }

        if (options.FailureWindow < TimeSpan.FromSeconds(1) || options.FailureWindow > TimeSpan.FromDays(1))
        {
            failures.Add("Admin:FailureWindow must be between 00:00:01 and 1.00:00:00.");
        }

        if (string.IsNullOrWhiteSpace(options.TotpIssuer) || options.TotpIssuer.Contains(':', StringComparison.Ordinal))
        {
            failures.Add("Admin:TotpIssuer must be a name without ':'.");
        }

        ValidateWebAuthn(options.WebAuthn, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateWebAuthn(AdminWebAuthnOptions webAuthn, List<string> failures)
    {
        if (!Uri.TryCreate(webAuthn.Origin, UriKind.Absolute, out var origin)
            || (origin.Scheme != Uri.UriSchemeHttp && origin.Scheme != Uri.UriSchemeHttps)
            || origin.AbsolutePath != "/" || !string.IsNullOrEmpty(origin.Query) || webAuthn.Origin.EndsWith('/'))
        {
            failures.Add("Admin:WebAuthn:Origin must be a web origin such as https://admin.example.org (scheme, host and port only).");
            return;
        }

        var rpId = webAuthn.RelyingPartyId;
        if (string.IsNullOrWhiteSpace(rpId) || IPAddress.TryParse(rpId, out _))
        {
            failures.Add("Admin:WebAuthn:RelyingPartyId must be a domain name, not an IP address.");
        }
        else if (!origin.Host.Equals(rpId, StringComparison.OrdinalIgnoreCase)
            && !origin.Host.EndsWith("." + rpId, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Admin:WebAuthn:RelyingPartyId must be the host of Admin:WebAuthn:Origin or a suffix of it (origin host: {origin.Host}).");
        }

        if (origin.Scheme == Uri.UriSchemeHttp && !origin.IsLoopback)
        {
            failures.Add("Admin:WebAuthn:Origin must use https unless it is a loopback address; browsers refuse passkeys elsewhere.");
        }

        if (string.IsNullOrWhiteSpace(webAuthn.RelyingPartyName))
        {
            failures.Add("Admin:WebAuthn:RelyingPartyName must not be empty.");
        }

        if (webAuthn.CeremonyTimeout < TimeSpan.FromSeconds(30) || webAuthn.CeremonyTimeout > TimeSpan.FromMinutes(30))
        {
            failures.Add("Admin:WebAuthn:CeremonyTimeout must be between 00:00:30 and 00:30:00.");
        }
    }
}
