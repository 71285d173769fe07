using Caduceus.Detection;
using Caduceus.Gateway.Pipeline;
using Caduceus.Policy;

namespace Caduceus.Gateway.Verification;

/// <summary>
/// Holds an answer's PHI to the caller's verification: before the caller is verified, every PHI finding is redacted
/// or blocks the answer (the application chooses); after, identifiers that are not the verified patient's always
/// block it. The practice's public values (its phone number, clinicians' names) pass either way.
/// </summary>
internal static class PatientPhiGate
{
    /// <summary>The escalation for answer text of this exchange, or null when the application does not verify callers.</summary>
    public static Func<string, FindingEscalation?>? For(ChatExchange exchange)
    {
        var options = exchange.Application.CallerVerification;
        if (!options.Required)
        {
            return null;
        }

        var patient = exchange.VerifiedPatient;
        return text => (finding, _) => Escalate(options, patient, text, finding);
    }

    private static Escalation? Escalate(CallerVerificationOptions options, PatientRecord? patient, string text, Finding finding)
    {
        if (finding.Category != FindingCategory.Phi || finding.End > text.Length)
        {
            return null;
        }

        var value = text.Substring(finding.Start, finding.Length);
        if (PatientValues.IsPublic(options.PublicValues, value))
        {
            return null;
        }

        if (patient is null)
        {
            var action = options.Unverified == UnverifiedAnswerAction.Block ? PolicyAction.Block : PolicyAction.Redact;
            return new Escalation(action, RefusalCodes.CallerNotVerified);
        }

        return PatientValues.IdentifiesAPerson(finding.EntityType) && !PatientValues.BelongTo(patient, finding.EntityType, value)
            ? new Escalation(PolicyAction.Block, RefusalCodes.OtherPatientPhi)
            : null;
    }
}
