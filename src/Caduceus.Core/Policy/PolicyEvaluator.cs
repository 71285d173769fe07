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

        List<FindingAction>? transforms = null;
        List<Finding>? blocking = null;
        var strongest = PolicyAction.Allow;
        foreach (var finding in findings)
        {
            var action = policy.ActionFor(finding);
            switch (action)
            {
                case PolicyAction.Block:
                    (blocking ??= []).Add(finding);
                    break;
                case PolicyAction.Redact or PolicyAction.Pseudonymize when finding.Length > 0:
                    (transforms ??= []).Add(new FindingAction(finding, action));
                    strongest = action > strongest ? action : strongest;
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

        return transforms is null ? Decision.Allow : new Decision(strongest, transforms, [], null);
    }
}
