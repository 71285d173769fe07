using Caduceus.Gateway.Keys;
using Caduceus.Identity;

namespace Caduceus.Gateway.Compliance;

/// <summary>Person or entity authentication (HIPAA 164.312(d)): clients by key (or OIDC, or mutual TLS), every admin also by a second factor.</summary>
internal static class AuthenticationEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var gateway = state.Settings.Gateway;
        var evidence = new ControlEvidence(control)
            .Add("Oidc:Issuer", gateway.Oidc.Issuer is { Length: > 0 } issuer ? issuer : "not set")
            .Add("Tls:ClientCertificates", gateway.Tls.ClientCertificates.ToString())
            .Add("ApiKeys:MaxFailuresPerAddress", gateway.ApiKeys.MaxFailuresPerAddress);
        if (state.Keys.Value is not { } keys)
        {
            return evidence.Gap($"The client keys cannot be read: {state.Keys.Problem}.");
        }

        if (state.AdminKeysWithMfa.Value is not { } enrolled)
        {
            return evidence.Gap($"The admins' second factors cannot be read: {state.AdminKeysWithMfa.Problem}.");
        }

        var active = keys.Where(k => k.StatusAt(state.Now) == ApiKeyStatus.Active).ToArray();
        var admins = active.Where(k => k.Roles.Contains(CallerRoles.Admin)).ToArray();
        var withoutFactor = admins.Count(k => !enrolled.Contains(k.Id));
        evidence.Add("active keys", active.Length)
            .Add("active admin keys", admins.Length)
            .Add("admin keys with a confirmed second factor", admins.Length - withoutFactor);
        if (active.Length == 0)
        {
            return evidence.Gap("There is no active key, so no caller is shown to authenticate.");
        }

        return withoutFactor > 0
            ? evidence.Gap($"{withoutFactor} of {admins.Length} admin keys have no confirmed second factor (TOTP or passkey).")
            : evidence.Pass(admins.Length == 0
                ? "Callers authenticate with 256-bit keys stored only as hashes; there are no admin keys."
                : $"Callers authenticate with 256-bit keys stored only as hashes, and all {admins.Length} admin keys have a confirmed second factor.");
    }
}
