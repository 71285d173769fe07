using Caduceus.Gateway.WebConsole.Sessions;

namespace Caduceus.Gateway.WebConsole.Passkeys;

/// <summary>
/// The first half of a passkey sign-in: refused (with the reason for the person), or the ceremony the browser is to
/// answer with one of the account's passkeys (its id and the WebAuthn request options as JSON).
/// </summary>
internal sealed record ConsolePasskeyChallenge(ConsoleProof Proof, string? AccountName = null, string? CeremonyId = null, string? OptionsJson = null)
{
    public static ConsolePasskeyChallenge Refused(ConsoleProof proof) => new(proof);
}
