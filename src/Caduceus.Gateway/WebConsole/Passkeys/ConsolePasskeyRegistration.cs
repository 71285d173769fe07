using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.WebConsole.Hosting;
using Caduceus.Gateway.WebConsole.Sessions;
using Fido2NetLib;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>
/// A signed-in person registers, lists and removes their own passkeys. Each registration and removal is a security
/// event and an audit record (kind <c>console</c>, code <c>passkey_registered:ID</c> / <c>passkey_removed:ID</c>).
/// </summary>
internal sealed class ConsolePasskeyRegistration(
    IConsolePasskeyStore passkeys,
    IWebAuthnCeremonyStore ceremonies,
    ConsoleWebAuthn webAuthn,
    SecurityEventBus events,
    IAuditLog audit,
    TimeProvider timeProvider,
    IOptions<ConsoleOptions> options)
{
    public const int MaxLabelLength = 64;

    public Task<IReadOnlyList<ConsolePasskey>> ListAsync(ConsoleUser user, CancellationToken cancellationToken) =>
        passkeys.ListAsync(user.Account.Id, cancellationToken);

    /// <summary>Starts a registration ceremony (its options exclude the person's existing passkeys).</summary>
    public async Task<WebAuthnCeremony> BeginAsync(ConsoleUser user, string? label, CancellationToken cancellationToken)
    {
        var existing = await passkeys.ListAsync(user.Account.Id, cancellationToken);
        var creation = webAuthn.RegistrationOptions(user.Account.Id, user.Account.Name, existing.Select(p => p.CredentialId));
        var now = timeProvider.GetUtcNow();
        var ceremony = new WebAuthnCeremony(
            WebAuthnCeremony.NewId(), ConsoleWebAuthn.CeremonyOwner(user.Account.Id), WebAuthnCeremonyPurpose.Registration, label, creation.ToJson(), now + options.Value.Passkeys.CeremonyTimeout);
        await ceremonies.AddAsync(ceremony, now, cancellationToken);
        return ceremony;
    }

    /// <summary>Verifies the authenticator's answer to the person's ceremony and stores the passkey; null, or why it was refused.</summary>
    public async Task<string?> CompleteAsync(ConsoleUser user, string? ceremonyId, string? answer, string route, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var ceremony = string.IsNullOrEmpty(ceremonyId)
            ? null
            : await ceremonies.TakeAsync(ceremonyId, ConsoleWebAuthn.CeremonyOwner(user.Account.Id), WebAuthnCeremonyPurpose.Registration, now, cancellationToken);
        if (ceremony is null)
        {
            return "This registration is unknown, expired or already used. Start a new one.";
        }

        if (!ConsolePasskeyAnswer.TryReadAttestation(answer, out var attestation))
        {
            return "The browser sent no usable passkey. Start a new registration.";
        }

        Fido2NetLib.Objects.RegisteredPublicKeyCredential credential;
        try
        {
            credential = await webAuthn.RegisterAsync(
                CredentialCreateOptions.FromJson(ceremony.OptionsJson),
                attestation,
                async (candidate, token) => await passkeys.FindByCredentialIdAsync(candidate.CredentialId, token) is null,
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Fido2 signals a bad attestation with several exception types; none is the server's fault, none is logged.
            return "The passkey was not accepted: the answer did not verify for this console (origin, challenge or user verification).";
        }

        var passkey = new ConsolePasskey
        {
            Id = ConsolePasskey.NewId(),
            AccountId = user.Account.Id,
            Label = ceremony.Label,
            CredentialId = credential.Id,
            PublicKey = credential.PublicKey,
            SignCount = credential.SignCount,
            CreatedAt = now,
        };
        if (!await passkeys.AddAsync(passkey, cancellationToken))
        {
            return "This passkey is already registered.";
        }

        var raised = events.Publish(ConsoleEvents.PasskeyRegistered, "registered", null, user.Account.Principal, route);
        await ConsoleChangeAudit.AppendAsync(audit, user, route, "passkey_registered:" + passkey.Id, null, null, raised.Id, now, cancellationToken);
        return null;
    }

    /// <summary>Removes one of the person's passkeys; false when they have none with that id.</summary>
    public async Task<bool> RemoveAsync(ConsoleUser user, string passkeyId, string route, CancellationToken cancellationToken)
    {
        if (!await passkeys.RemoveAsync(user.Account.Id, passkeyId, cancellationToken))
        {
            return false;
        }

        var raised = events.Publish(ConsoleEvents.PasskeyRemoved, "removed", null, user.Account.Principal, route);
        await ConsoleChangeAudit.AppendAsync(audit, user, route, "passkey_removed:" + passkeyId, null, null, raised.Id, timeProvider.GetUtcNow(), cancellationToken);
        return true;
    }
}
