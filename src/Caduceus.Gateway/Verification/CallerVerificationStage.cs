using Caduceus.Gateway.Pipeline;

namespace Caduceus.Gateway.Verification;

/// <summary>
/// Looks up whom the caller of this conversation was verified as, for the answer's inspection to hold PHI to. Without
/// a conversation id there is no verification, so every answer is treated as going to an unverified caller; nor is
/// there when an incident forced callers to verify again after this one did.
/// </summary>
internal sealed class CallerVerificationStage(CallerVerifier verifier, IPatientDirectory? directory = null) : IChatStage
{
    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        if (exchange.Application.CallerVerification.Required && exchange.ConversationId is { } conversationId && directory is not null)
        {
            var state = verifier.Current(ConversationScope.IdFor(exchange.ApplicationName, exchange.KeyId, conversationId));
            if (state is { IsVerified: true, PatientId: { } patientId } && !(state.VerifiedAt < exchange.VerifiedNoEarlierThan))
            {
                exchange.VerifiedPatient = await directory.GetAsync(patientId, exchange.RequestAborted);
            }
        }

        await next(exchange);
    }
}
