using Caduceus.Detection;
using Caduceus.Policy;

namespace Caduceus.Core.Tests.Policy;

public sealed class PolicyEvaluatorTests
{
    private static Finding Phi(string type, int start, int length, double score = 0.9) =>
        new(type, FindingCategory.Phi, start, length, score, "test", "test finding");

    private static Finding Injection(double score = 0.9) =>
        new(EntityTypes.PromptInjection, FindingCategory.Injection, 0, 10, score, "test", "override");

    [Fact]
    public void No_findings_allows()
    {
        var decision = PolicyEvaluator.Decide(new DirectionPolicy(), []);

        Assert.Equal(PolicyAction.Allow, decision.Action);
    }

    [Fact]
    public void Default_request_policy_redacts_phi()
    {
        var ssn = Phi(EntityTypes.Ssn, 5, 11);

        var decision = PolicyEvaluator.Decide(new ApplicationPolicy().Request, [ssn]);

        Assert.Equal(PolicyAction.Redact, decision.Action);
        Assert.Equal([new FindingAction(ssn, PolicyAction.Redact)], decision.Transforms);
        Assert.Null(decision.RefusalCode);
    }

    [Fact]
    public void Default_request_policy_blocks_injection_even_with_phi_present()
    {
        var decision = PolicyEvaluator.Decide(new ApplicationPolicy().Request, [Phi(EntityTypes.Email, 0, 5), Injection()]);

        Assert.Equal(PolicyAction.Block, decision.Action);
        Assert.Equal(RefusalCodes.PromptInjectionDetected, decision.RefusalCode);
        Assert.Empty(decision.Transforms);
    }

    [Fact]
    public void Default_response_policy_lets_injection_like_text_pass()
    {
        var decision = PolicyEvaluator.Decide(new ApplicationPolicy().Response, [Injection()]);

        Assert.Equal(PolicyAction.Allow, decision.Action);
    }

    [Fact]
    public void Entity_override_beats_category_default()
    {
        var policy = new DirectionPolicy();
        policy.Entities[EntityTypes.Ssn] = PolicyAction.Block;

        var decision = PolicyEvaluator.Decide(policy, [Phi(EntityTypes.Phone, 0, 12), Phi(EntityTypes.Ssn, 20, 11)]);

        Assert.Equal(PolicyAction.Block, decision.Action);
        Assert.Equal(RefusalCodes.PhiBlocked, decision.RefusalCode);
        Assert.Equal(EntityTypes.Ssn, Assert.Single(decision.Blocking).EntityType);
    }

    [Fact]
    public void Redact_outranks_pseudonymize_but_each_finding_keeps_its_own_action()
    {
        var policy = new DirectionPolicy();
        policy.Entities[EntityTypes.Name] = PolicyAction.Pseudonymize;
        var name = Phi(EntityTypes.Name, 0, 8);
        var ssn = Phi(EntityTypes.Ssn, 20, 11);

        var decision = PolicyEvaluator.Decide(policy, [name, ssn]);

        Assert.Equal(PolicyAction.Redact, decision.Action);
        Assert.Equal([new FindingAction(name, PolicyAction.Pseudonymize), new FindingAction(ssn, PolicyAction.Redact)], decision.Transforms);
    }

    [Fact]
    public void Only_pseudonymized_findings_make_a_pseudonymize_decision()
    {
        var policy = new DirectionPolicy { Phi = PolicyAction.Pseudonymize };

        var decision = PolicyEvaluator.Decide(policy, [Phi(EntityTypes.Name, 0, 8)]);

        Assert.Equal(PolicyAction.Pseudonymize, decision.Action);
    }

    [Fact]
    public void Findings_below_minimum_score_are_ignored()
    {
        var policy = new DirectionPolicy { MinimumScore = 0.6 };

        var decision = PolicyEvaluator.Decide(policy, [Injection(score: 0.59), Phi(EntityTypes.Mrn, 0, 8, score: 0.3)]);

        Assert.Equal(PolicyAction.Allow, decision.Action);
    }

    [Fact]
    public void An_injection_threshold_of_its_own_applies_to_injections_only()
    {
        var policy = new DirectionPolicy { MinimumScore = 0.5, InjectionMinimumScore = 0.8 };

        var lowInjection = PolicyEvaluator.Decide(policy, [Injection(score: 0.7)]);
        var highInjection = PolicyEvaluator.Decide(policy, [Injection(score: 0.85)]);
        var phi = PolicyEvaluator.Decide(policy, [Phi(EntityTypes.Mrn, 0, 8, score: 0.6)]);

        Assert.Equal(PolicyAction.Allow, lowInjection.Action);
        Assert.Equal(PolicyAction.Block, highInjection.Action);
        Assert.Equal(PolicyAction.Redact, phi.Action);
    }

    [Fact]
    public void An_escalation_makes_an_action_stricter_and_its_refusal_code_wins()
    {
        var policy = new DirectionPolicy { Phi = PolicyAction.Allow };
        var finding = Phi(EntityTypes.Name, 0, 5);

        var redacted = PolicyEvaluator.Decide(policy, [finding], (_, _) => new Escalation(PolicyAction.Redact, "x"));
        var blocked = PolicyEvaluator.Decide(policy, [finding], (_, _) => new Escalation(PolicyAction.Block, RefusalCodes.OtherPatientPhi));

        Assert.Equal(PolicyAction.Redact, redacted.Action);
        Assert.Equal(PolicyAction.Block, blocked.Action);
        Assert.Equal(RefusalCodes.OtherPatientPhi, blocked.RefusalCode);
    }

    [Fact]
    public void An_escalation_never_makes_an_action_milder_and_sees_the_policys_action()
    {
        var policy = new DirectionPolicy { Phi = PolicyAction.Block };
        PolicyAction? seen = null;

        var decision = PolicyEvaluator.Decide(policy, [Phi(EntityTypes.Ssn, 0, 11)], (_, action) =>
        {
            seen = action;
            return new Escalation(PolicyAction.Redact, "x");
        });

        Assert.Equal(PolicyAction.Block, decision.Action);
        Assert.Equal(RefusalCodes.PhiBlocked, decision.RefusalCode);
        Assert.Equal(PolicyAction.Block, seen);
    }

    [Fact]
    public void Findings_below_the_minimum_score_are_not_escalated()
    {
        var policy = new DirectionPolicy { Phi = PolicyAction.Allow, MinimumScore = 0.5 };

        var decision = PolicyEvaluator.Decide(policy, [Phi(EntityTypes.Name, 0, 5, score: 0.3)], (_, _) => new Escalation(PolicyAction.Block, "x"));

        Assert.Equal(PolicyAction.Allow, decision.Action);
    }
}
