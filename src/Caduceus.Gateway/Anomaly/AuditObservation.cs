using Caduceus.Detection;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// Turns a chat request's audit record into what anomaly detection needs. Patients are counted by the audit's keyed
/// hashes of identifying values (names, record numbers, SSNs, plan and account numbers), never by the values.
/// </summary>
internal static class AuditObservation
{
    private static readonly HashSet<string> PatientIdentifying = new(StringComparer.Ordinal)
    {
        EntityTypes.Name, EntityTypes.Mrn, EntityTypes.Ssn, EntityTypes.HealthPlanId, EntityTypes.Account,
    };

    /// <summary>The observation of a model request, or null for other requests (admin, health, refused credentials).</summary>
    public static RequestObservation? Of(AuditRecord record, HttpContext? context, FindingValueHasher hasher)
    {
        if (record.Kind != "chat" || (record.KeyId is null && record.Application is null))
        {
            return null;
        }

        var patients = record.Findings
            .Where(f => PatientIdentifying.Contains(f.Type))
            .SelectMany(f => f.ValueHashes.Select(hash => f.Type + ":" + hash))
            .ToHashSet(StringComparer.Ordinal);
        var phi = record.Findings.Where(f => f.Type != EntityTypes.PromptInjection).Sum(f => f.Count);
        return new RequestObservation(
            record.Time,
            record.KeyId,
            record.Application,
            ConversationHash(record, context, hasher),
            phi,
            patients,
            record.Decision is "blocked" or "refused",
            record.Usage?.TotalTokens ?? 0);
    }

    private static string? ConversationHash(AuditRecord record, HttpContext? context, FindingValueHasher hasher)
    {
        if (context is null || !ConversationScope.TryGetClientId(context, out var conversationId, out _) || conversationId is null)
        {
            return null;
        }

        // Keyed, because a conversation id may be guessable or even carry a name.
        var scope = ConversationScope.IdFor(record.Application ?? "", record.KeyId ?? "", conversationId);
        return "conv_" + hasher.Hash(scope)[..32];
    }
}
