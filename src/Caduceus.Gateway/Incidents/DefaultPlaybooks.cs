using Caduceus.Events;
using Caduceus.Policy;

namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The playbooks that work with no configuration. Categories cite the OWASP Top 10 for LLM Applications 2025 and the
/// HIPAA rules the incident touches. Only the injection burst acts on its own (it revokes the caller's key, never a
/// shared service key); the others open incidents for people to work.
/// </summary>
public static class DefaultPlaybooks
{
    public const string InjectionBurst = "injection-burst";
    public const string PhiExfiltration = "phi-exfiltration";
    public const string SystemPromptLeak = "system-prompt-leak";
    public const string VerificationStorm = "verification-storm";
    public const string ToolAbuse = "tool-abuse";
    public const string CredentialAttack = "credential-attack";
    public const string Anomaly = "anomaly";

    private const string SecurityIncidentProcedures = "HIPAA 45 CFR 164.308(a)(6) Security incident procedures";

    public static IReadOnlyDictionary<string, PlaybookOptions> All { get; } = new Dictionary<string, PlaybookOptions>(StringComparer.OrdinalIgnoreCase)
    {
        [InjectionBurst] = new()
        {
            EventTypes = [SecurityEventTypes.RequestBlocked],
            Codes = [RefusalCodes.PromptInjectionDetected],
            Threshold = 3,
            Window = TimeSpan.FromMinutes(5),
            Severity = IncidentSeverity.High,
            Categories = ["OWASP LLM01:2025 Prompt Injection", SecurityIncidentProcedures],
            Actions = [ContainmentActionNames.RevokeKey],
        },
        [PhiExfiltration] = new()
        {
            EventTypes = [SecurityEventTypes.RequestBlocked, SecurityEventTypes.ResponseBlocked],
            Codes = [RefusalCodes.OtherPatientPhi],
            Severity = IncidentSeverity.High,
            Categories = ["OWASP LLM02:2025 Sensitive Information Disclosure", "HIPAA 45 CFR 164.402 Breach risk assessment", SecurityIncidentProcedures],
        },
        [SystemPromptLeak] = new()
        {
            EventTypes = [SecurityEventTypes.ResponseBlocked],
            Codes = [RefusalCodes.SystemPromptLeak],
            Severity = IncidentSeverity.Medium,
            Categories = ["OWASP LLM07:2025 System Prompt Leakage", SecurityIncidentProcedures],
        },
        [VerificationStorm] = new()
        {
            EventTypes = [SecurityEventTypes.VerificationFailed, SecurityEventTypes.VerificationLocked],
            Threshold = 5,
            Window = TimeSpan.FromMinutes(10),
            GroupBy = IncidentGrouping.Application,
            Severity = IncidentSeverity.Medium,
            Categories = ["HIPAA 45 CFR 164.312(d) Person or entity authentication", SecurityIncidentProcedures],
        },
        [ToolAbuse] = new()
        {
            EventTypes = [SecurityEventTypes.ToolCallRefused],
            Threshold = 3,
            Window = TimeSpan.FromMinutes(10),
            Severity = IncidentSeverity.Medium,
            Categories = ["OWASP LLM06:2025 Excessive Agency", SecurityIncidentProcedures],
        },
        [CredentialAttack] = new()
        {
            EventTypes = [SecurityEventTypes.AuthenticationThrottled, SecurityEventTypes.MfaLocked],
            GroupBy = IncidentGrouping.Application,
            Window = TimeSpan.FromMinutes(15),
            Severity = IncidentSeverity.Medium,
            Categories = ["HIPAA 45 CFR 164.308(a)(5)(ii)(C) Log-in monitoring", SecurityIncidentProcedures],
        },
        [Anomaly] = new()
        {
            EventTypes = ["anomaly.*"],
            Severity = IncidentSeverity.Medium,
            Categories = ["OWASP LLM10:2025 Unbounded Consumption", SecurityIncidentProcedures],
        },
    };

    /// <summary>The defaults, each replaced by a configured playbook of the same name, plus the configured others; disabled ones left out.</summary>
    public static IReadOnlyList<Playbook> Resolve(IncidentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var merged = new Dictionary<string, PlaybookOptions>(All, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, playbook) in options.Playbooks)
        {
            merged[name] = playbook;
        }

        return merged.Where(p => p.Value.Enabled).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new Playbook(p.Key, p.Value)).ToArray();
    }
}
