namespace Caduceus.Gateway.Verification;

/// <summary>
/// Delivers a one-time code to the patient through a channel the caller must control (a text message to the phone on
/// record, for instance). Pluggable: the gateway ships a webhook sender; a host may register its own.
/// </summary>
public interface IOneTimeCodeSender
{
    /// <summary>Sends <paramref name="code"/> to <paramref name="patient"/>. Must never log the code.</summary>
    Task SendAsync(PatientRecord patient, string code, CancellationToken cancellationToken);
}
