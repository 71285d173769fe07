using System.Text.Json.Nodes;
using Caduceus.Events;
using Caduceus.Gateway.Admin;
using Caduceus.Gateway.Keys;
using Fido2NetLib;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// <c>/admin/mfa</c>: an admin enrolls second factors for their own key (TOTP, passkeys), lists and removes them.
/// A key with no confirmed factor may enroll with the key alone (bootstrap); after that, enrolling needs a session
/// with a fresh proof, so a stolen key cannot add its thief's factor.
/// </summary>
internal static class AdminMfaEndpoints
{
    public static void Map(RouteGroupBuilder mfa)
    {
        mfa.MapGet("/factors", ListAsync);
        mfa.MapDelete("/factors/{id}", RemoveAsync).RequireStepUp(DangerousAdminActions.MfaFactorRemoval);
        mfa.MapPost("/totp", EnrollTotpAsync).AllowForEnrollment();
        mfa.MapPost("/totp/{id}/confirm", ConfirmTotpAsync).AllowForEnrollment();
        mfa.MapPost("/webauthn/options", PasskeyOptionsAsync).AllowForEnrollment();
        mfa.MapPost("/webauthn", RegisterPasskeyAsync).AllowForEnrollment();
    }

    private static async Task<IResult> ListAsync(HttpContext context, IMfaFactorStore factors)
    {
        var caller = AdminCaller.From(context);
        var list = await factors.ListAsync(caller.KeyId, context.RequestAborted);
        return MfaResults.Json(context, new JsonObject { ["factors"] = new JsonArray(list.Select(f => (JsonNode)MfaResults.FactorView(f)).ToArray()) });
    }

    private static async Task<IResult> RemoveAsync(string id, HttpContext context, IMfaFactorStore factors, AdminMfaEvents events, AdminMfaLog log)
    {
        var caller = AdminCaller.From(context);
        switch (await factors.RemoveAsync(caller.KeyId, id, context.RequestAborted))
        {
            case MfaFactorRemoval.NotFound:
                return AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", $"This key has no factor with id '{id}'.");
            case MfaFactorRemoval.LastFactor:
                return AdminResults.Problem(StatusCodes.Status409Conflict, "last_factor", "The key's last second factor cannot be removed; enroll another first.");
            default:
                events.Publish(context, caller, SecurityEventTypes.MfaChanged, "factor_removed");
                log.FactorRemoved(caller.KeyId, id);
                return Results.NoContent();
        }
    }

    private static async Task<IResult> EnrollTotpAsync(
        HttpContext context, IMfaFactorStore factors, TotpSeedCipher seeds, IOptions<AdminMfaOptions> options, TimeProvider timeProvider)
    {
        var caller = AdminCaller.From(context);
        var (label, error) = await ReadLabelAsync(context);
        if (error is not null)
        {
            return error;
        }

        var id = MfaFactor.NewId();
        var seed = TotpCodes.NewSeed();
        try
        {
            var factor = new MfaFactor
            {
                Id = id,
                KeyId = caller.KeyId,
                Kind = MfaFactorKind.Totp,
                Label = label,
                CreatedAt = timeProvider.GetUtcNow(),
                SealedTotpSeed = seeds.Seal(caller.KeyId, id, seed),
            };
            await factors.AddAsync(factor, context.RequestAborted);
            var body = MfaResults.FactorView(factor);
            body["otpauth_uri"] = TotpCodes.EnrollmentUri(seed, options.Value.TotpIssuer, caller.KeyId);
            context.Response.Headers.Location = $"{AdminApi.Prefix}/mfa/factors/{id}";
            return MfaResults.Json(context, body, StatusCodes.Status201Created);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static async Task<IResult> ConfirmTotpAsync(
        string id, HttpContext context, IMfaFactorStore factors, MfaProofVerifier verifier, AdminMfaEvents events, AdminMfaLog log)
    {
        var caller = AdminCaller.From(context);
        var (request, error) = await AdminResults.ReadBodyAsync(context, AdminMfaJsonContext.Default.TotpConfirmationRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        var factor = await factors.GetAsync(caller.KeyId, id, context.RequestAborted);
        if (factor is not { Kind: MfaFactorKind.Totp })
        {
            return AdminResults.Problem(StatusCodes.Status404NotFound, "not_found", $"This key has no TOTP factor with id '{id}'.");
        }

        if (factor.IsConfirmed)
        {
            return AdminResults.Problem(StatusCodes.Status409Conflict, "already_confirmed", $"Factor '{id}' is already confirmed.");
        }

        var result = await verifier.ConfirmTotpAsync(caller, factor, request!.Code, context.RequestAborted);
        if (result.Outcome != MfaProofOutcome.Accepted)
        {
            return MfaResults.Refusal(context, caller, result, events);
        }

        events.Publish(context, caller, SecurityEventTypes.MfaChanged, "totp_enrolled");
        log.FactorEnrolled(caller.KeyId, "totp", id);
        var confirmed = await factors.GetAsync(caller.KeyId, id, context.RequestAborted) ?? factor;
        return MfaResults.Json(context, MfaResults.FactorView(confirmed));
    }

    private static async Task<IResult> PasskeyOptionsAsync(
        HttpContext context, IMfaFactorStore factors, IWebAuthnCeremonyStore ceremonies, AdminWebAuthn webAuthn,
        IOptions<AdminMfaOptions> options, TimeProvider timeProvider)
    {
        var caller = AdminCaller.From(context);
        var (label, error) = await ReadLabelAsync(context);
        if (error is not null)
        {
            return error;
        }

        var existing = (await factors.ListAsync(caller.KeyId, context.RequestAborted))
            .Where(f => f.Kind == MfaFactorKind.WebAuthn)
            .Select(f => f.CredentialId!);
        var now = timeProvider.GetUtcNow();
        var creation = webAuthn.RegistrationOptions(caller.KeyId, label, existing);
        var ceremony = new WebAuthnCeremony(
            WebAuthnCeremony.NewId(), caller.KeyId, WebAuthnCeremonyPurpose.Registration, label, creation.ToJson(), now + options.Value.WebAuthn.CeremonyTimeout);
        await ceremonies.AddAsync(ceremony, now, context.RequestAborted);
        return MfaResults.Json(context, new JsonObject
        {
            ["ceremony_id"] = ceremony.Id,
            ["expires_at"] = MfaResults.Time(ceremony.ExpiresAt),
            ["options"] = JsonNode.Parse(ceremony.OptionsJson),
        });
    }

    private static async Task<IResult> RegisterPasskeyAsync(
        HttpContext context, IMfaFactorStore factors, IWebAuthnCeremonyStore ceremonies, AdminWebAuthn webAuthn,
        AdminMfaEvents events, AdminMfaLog log, TimeProvider timeProvider)
    {
        var caller = AdminCaller.From(context);
        var (request, error) = await AdminResults.ReadBodyAsync(context, AdminMfaJsonContext.Default.PasskeyRegistrationRequest, optional: false);
        if (error is not null)
        {
            return error;
        }

        if (request!.CeremonyId is not { Length: > 0 } ceremonyId || !WebAuthnJson.TryReadAttestation(request.Credential, out var answer))
        {
            return AdminResults.InvalidRequest("The body must be {\"ceremony_id\": \"...\", \"credential\": {PublicKeyCredential JSON}}.");
        }

        var now = timeProvider.GetUtcNow();
        var ceremony = await ceremonies.TakeAsync(ceremonyId, caller.KeyId, WebAuthnCeremonyPurpose.Registration, now, context.RequestAborted);
        if (ceremony is null)
        {
            return Refused(context, caller, events, "ceremony_unknown", "The ceremony is unknown, expired or already used; ask for new options.");
        }

        Fido2NetLib.Objects.RegisteredPublicKeyCredential credential;
        try
        {
            credential = await webAuthn.RegisterAsync(
                CredentialCreateOptions.FromJson(ceremony.OptionsJson),
                answer,
                async (candidate, token) => await factors.FindByCredentialIdAsync(candidate.CredentialId, token) is null,
                context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // As with assertions, Fido2 signals a bad attestation with several exception types; none is the server's fault.
            return Refused(context, caller, events, "registration_invalid", "The passkey registration was not accepted.");
        }

        var factor = new MfaFactor
        {
            Id = MfaFactor.NewId(),
            KeyId = caller.KeyId,
            Kind = MfaFactorKind.WebAuthn,
            Label = ceremony.Label,
            CreatedAt = now,
            ConfirmedAt = now,
            CredentialId = credential.Id,
            PublicKey = credential.PublicKey,
            SignCount = credential.SignCount,
        };
        await factors.AddAsync(factor, context.RequestAborted);
        events.Publish(context, caller, SecurityEventTypes.MfaChanged, "passkey_enrolled");
        log.FactorEnrolled(caller.KeyId, "webauthn", factor.Id);
        context.Response.Headers.Location = $"{AdminApi.Prefix}/mfa/factors/{factor.Id}";
        return MfaResults.Json(context, MfaResults.FactorView(factor), StatusCodes.Status201Created);
    }

    private static IResult Refused(HttpContext context, AdminCaller caller, AdminMfaEvents events, string reason, string detail)
    {
        var eventId = events.Publish(context, caller, SecurityEventTypes.MfaFailed, reason);
        return AdminResults.Problem(StatusCodes.Status400BadRequest, Policy.RefusalCodes.MfaFailed, detail, eventId);
    }

    private static async Task<(string? Label, IResult? Error)> ReadLabelAsync(HttpContext context)
    {
        var (request, error) = await AdminResults.ReadBodyAsync(context, AdminMfaJsonContext.Default.MfaEnrollmentRequest, optional: true);
        if (error is not null)
        {
            return (null, error);
        }

        var label = string.IsNullOrWhiteSpace(request?.Label) ? null : request.Label.Trim();
        return label is { Length: > NewApiKey.MaxLabelLength }
            ? (null, AdminResults.InvalidRequest($"A factor's label is at most {NewApiKey.MaxLabelLength} characters."))
            : (label, null);
    }
}
