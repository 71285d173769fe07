using Caduceus.Detection;

namespace Caduceus.Policy;

/// <summary>Turns findings into a decision. The only place where Caduceus decides.</summary>
public static class PolicyEvaluator
{
    /// <summary>Decides what happens to a text given all findings on it.</summary>
    public static Decision Decide(DirectionPolicy policy, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            return Decision.Allow;
        }

        List<Finding>? redactions = null;
        List<Finding>? blocking = null;
        foreach (var finding in findings)
        {
            switch (policy.ActionFor(finding))
            {
                case PolicyAction.Block:
                    (blocking ??= []).Add(finding);
                    break;
                case PolicyAction.Redact when finding.Length > 0:
                    (redactions ??= []).Add(finding);
                    break;
            }
        }

        if (blocking is not null)
        {
            var code = blocking.Exists(f => f.Category == FindingCategory.Injection)
                ? RefusalCodes.PromptInjectionDetected
                : RefusalCodes.PhiBlocked;
            return new Decision(PolicyAction.Block, [], blocking, code);
        }

        return redactions is null ? Decision.Allow : new Decision(PolicyAction.Redact, redactions, [], null);
    }
}
