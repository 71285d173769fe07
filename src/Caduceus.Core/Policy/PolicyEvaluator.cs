using Caduceus.Detection;

namespace Caduceus.Policy;

/// <summary>Turns findings into a decision. The only place where Caduceus decides.</summary>
public static class PolicyEvaluator
{
    /// <summary>Decides what happens to a text given all findings on it.</summary>
    /// <param name="policy">The application's policy for this direction.</param>
    /// <param name="findings">Everything the analyzer found in the text.</param>
    /// <param name="escalate">
    /// May make the action for a confident finding stricter, never milder; its refusal code wins when it blocks.
    /// </param>
    public static Decision Decide(DirectionPolicy policy, IReadOnlyList<Finding> findings, FindingEscalation? escalate = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            return Decision.Allow;
        }

        List<FindingAction>? transforms = null;
        List<Finding>? blocking = null;
        string? escalatedCode = null;
        var strongest = PolicyAction.Allow;
        foreach (var finding in findings)
        {
            var action = policy.ActionFor(finding);
            if (escalate is not null && policy.IsConfident(finding) && escalate(finding, action) is { } escalation && escalation.Action > action)
            {
                action = escalation.Action;
                escalatedCode ??= action == PolicyAction.Block ? escalation.RefusalCode : null;
            }

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
                : escalatedCode ?? RefusalCodes.PhiBlocked;
            return new Decision(PolicyAction.Block, [], blocking, code);
        }

        return transforms is null ? Decision.Allow : new Decision(strongest, transforms, [], null);
    }
}
