using Caduceus.Gateway.Configuration;
using Caduceus.Policy;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// What each application's policy does with injections and PHI, both ways (OWASP LLM01, LLM02, LLM05, LLM07; SAIF 4).
/// A control passes only when every configured application meets it: one lax application is a gap.
/// </summary>
internal static class PolicyEvaluator
{
    public static ControlResult PromptInjection(ControlDefinition control, ComplianceState state) =>
        PerApplication(control, state, (name, application, evidence, gaps) =>
        {
            evidence.Add($"Applications:{name}:Policy:Request:Injection", application.Policy.Request.Injection.ToString());
            if (application.Policy.Request.Injection != PolicyAction.Block)
            {
                gaps.Add($"Application '{name}' does not block prompt injections ({application.Policy.Request.Injection}).");
            }

            DisabledDetectors(name, application, "Injection", evidence, gaps);
        }, "Every application blocks prompt injections (user text and tool results) with all injection detectors on; bursts revoke the caller's key.");

    public static ControlResult SensitiveInformation(ControlDefinition control, ComplianceState state) =>
        PerApplication(control, state, (name, application, evidence, gaps) =>
        {
            foreach (var (direction, policy) in Directions(application))
            {
                evidence.Add($"Applications:{name}:Policy:{direction}:Phi", policy.Phi.ToString());
                if (policy.Phi == PolicyAction.Allow)
                {
                    gaps.Add($"Application '{name}' lets PHI through in the {direction.ToLowerInvariant()} direction.");
                }

                foreach (var (entity, action) in policy.Entities.Where(e => e.Value == PolicyAction.Allow))
                {
                    evidence.Add($"Applications:{name}:Policy:{direction}:Entities:{entity}", action.ToString());
                    gaps.Add($"Application '{name}' lets {entity} through in the {direction.ToLowerInvariant()} direction.");
                }
            }

            DisabledDetectors(name, application, "Phi", evidence, gaps);
        }, "Every application redacts, pseudonymizes or blocks PHI in prompts and in answers, with every PHI detector on.");

    public static ControlResult OutputHandling(ControlDefinition control, ComplianceState state) =>
        PerApplication(control, state, (name, application, evidence, gaps) =>
        {
            evidence.Add($"Applications:{name}:Policy:Response:Phi", application.Policy.Response.Phi.ToString())
                .Add($"Applications:{name}:Policy:Response:Injection", application.Policy.Response.Injection.ToString())
                .Add($"Applications:{name}:Policy:RestorePseudonyms", application.Policy.RestorePseudonyms)
                .Add($"Applications:{name}:Tools", application.Tools.Count);
            if (application.Policy.Response.Phi == PolicyAction.Allow)
            {
                gaps.Add($"Application '{name}' passes answers on without PHI inspection taking effect (Response:Phi Allow).");
            }
        }, "Answers are inspected (streamed too) before they reach the application: PHI is acted on, tool calls are checked against an allow-list, and pseudonyms are never restored inside URLs.");

    public static ControlResult SystemPromptLeakage(ControlDefinition control, ComplianceState state) =>
        PerApplication(control, state, (name, application, evidence, gaps) =>
        {
            evidence.Add($"Applications:{name}:Policy:CanaryTokens", application.Policy.CanaryTokens);
            if (!application.Policy.CanaryTokens)
            {
                gaps.Add($"Application '{name}' has canary tokens off, so a leaked system prompt goes unnoticed.");
            }
        }, "Every application's system prompt carries a canary token, and an answer that repeats it is withheld and opens an incident.");

    /// <summary>SAIF 4: the same baseline on every application (injections blocked, PHI acted on both ways, canary on).</summary>
    public static ControlResult ConsistentBaseline(ControlDefinition control, ComplianceState state) =>
        PerApplication(control, state, (name, application, evidence, gaps) =>
        {
            var policy = application.Policy;
            var meets = policy.Request.Injection == PolicyAction.Block && policy.Request.Phi != PolicyAction.Allow
                && policy.Response.Phi != PolicyAction.Allow && policy.CanaryTokens && application.Detection.Disabled.Count == 0;
            evidence.Add($"application '{name}' meets the baseline", meets);
            if (!meets)
            {
                gaps.Add($"Application '{name}' is below the baseline (injections blocked, PHI acted on both ways, canary on, no detector disabled).");
            }
        }, "Every application behind the gateway gets the same baseline: injections blocked, PHI acted on both ways, canary tokens on, every detector running.");

    private static ControlResult PerApplication(
        ControlDefinition control, ComplianceState state, Action<string, ApplicationOptions, ControlEvidence, List<string>> check, string passReason)
    {
        var evidence = new ControlEvidence(control);
        var gaps = new List<string>();
        foreach (var (name, application) in state.Settings.Gateway.Applications.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            check(name, application, evidence, gaps);
        }

        return evidence.PassUnless(gaps, passReason);
    }

    private static IEnumerable<(string Direction, DirectionPolicy Policy)> Directions(ApplicationOptions application) =>
        [("Request", application.Policy.Request), ("Response", application.Policy.Response)];

    private static void DisabledDetectors(string name, ApplicationOptions application, string family, ControlEvidence evidence, List<string> gaps)
    {
        var disabled = application.Detection.Disabled.Where(d => d.StartsWith(family, StringComparison.OrdinalIgnoreCase)).ToArray();
        evidence.Add($"Applications:{name}:Detection:Disabled ({family})", disabled.Length == 0 ? "none" : string.Join(", ", disabled));
        if (disabled.Length > 0)
        {
            gaps.Add($"Application '{name}' runs without {string.Join(", ", disabled)}.");
        }
    }
}
