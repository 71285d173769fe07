using Caduceus.Gateway.Pipeline;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Verification;

/// <summary>
/// Looks up whom the caller of this conversation was verified as, for the answer's inspection to hold PHI to. Without
/// a conversation id there is no verification, so every answer is treated as going to an unverified caller; nor is
/// there when an incident forced callers to verify again after this one did, or when the shared verification state
/// cannot be reached (fail closed: the patient's PHI is withheld as from any unverified caller).
/// </summary>
internal sealed partial class CallerVerificationStage(CallerVerifier verifier, ILogger<CallerVerificationStage> logger, IPatientDirectory? directory = null) : IChatStage
{
    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        if (exchange.Application.CallerVerification.Required && exchange.ConversationId is { } conversationId && directory is not null)
        {
            var state = await CurrentAsync(ConversationScope.IdFor(exchange.ApplicationName, exchange.KeyId, conversationId), exchange);
            if (state is { IsVerified: true, PatientId: { } patientId } && !(state.VerifiedAt < exchange.VerifiedNoEarlierThan))
            {
                exchange.VerifiedPatient = await directory.GetAsync(patientId, exchange.RequestAborted);
            }
        }

        await next(exchange);
    }

    private async ValueTask<ConversationVerification> CurrentAsync(string conversationKey, ChatExchange exchange)
    {
        try
        {
            return await verifier.CurrentAsync(conversationKey, exchange.RequestAborted);
        }
        catch (VerificationStateUnavailableException exception)
        {
            LogStateUnavailable(logger, exchange.ApplicationName, exception.Message);
            return ConversationVerification.Unverified;
        }
    }

    [LoggerMessage(EventId = 1260, Level = LogLevel.Warning, Message = "Caller verification state is unreachable for application {Application}; the caller is treated as unverified: {Reason}")]
    private static partial void LogStateUnavailable(ILogger logger, string application, string reason);
}
