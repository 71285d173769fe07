using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Tools;
using Caduceus.Policy;

namespace Caduceus.Gateway.Tests.Incidents;

public sealed class StrictPolicyTests
{
    [Fact]
    public void Strict_policy_takes_every_loosening_away_and_keeps_the_other_settings()
    {
        var application = new ApplicationOptions
        {
            Policy = new ApplicationPolicy
            {
                Request = new DirectionPolicy { Phi = PolicyAction.Pseudonymize, Injection = PolicyAction.Allow, MinimumScore = 0.9, InjectionMinimumScore = 0.95 },
                Response = new DirectionPolicy { Phi = PolicyAction.Allow, Injection = PolicyAction.Allow },
                RestorePseudonyms = true,
                CanaryTokens = false,
            },
            Tools = new(StringComparer.Ordinal) { ["lookup"] = new ToolPolicyOptions() },
        };
        application.Policy.Request.Entities["SSN"] = PolicyAction.Allow;
        application.Policy.Request.Entities["MRN"] = PolicyAction.Block;
        application.Limits.RequestsPerMinute = 7;

        var strict = StrictPolicy.Apply(application);

        Assert.Equal((PolicyAction.Redact, PolicyAction.Block, 0.5, 0.5), (strict.Policy.Request.Phi, strict.Policy.Request.Injection, strict.Policy.Request.MinimumScore, strict.Policy.Request.InjectionMinimumScore));
        Assert.Equal(PolicyAction.Redact, strict.Policy.Response.Phi);
        Assert.False(strict.Policy.RestorePseudonyms);
        Assert.True(strict.Policy.CanaryTokens);
        Assert.Empty(strict.Tools);
        Assert.Equal(new Dictionary<string, PolicyAction> { ["MRN"] = PolicyAction.Block }, strict.Policy.Request.Entities);
        Assert.Same(application.Limits, strict.Limits);
        Assert.Same(application.Upstream, strict.Upstream);
        Assert.Equal(PolicyAction.Allow, application.Policy.Request.Entities["SSN"]);
        Assert.Single(application.Tools);
    }

    [Fact]
    public void Disabling_one_tool_keeps_the_others_and_the_policy()
    {
        var application = new ApplicationOptions
        {
            Tools = new(StringComparer.Ordinal) { ["lookup"] = new ToolPolicyOptions(), ["hours"] = new ToolPolicyOptions() },
        };

        var without = StrictPolicy.WithoutTools(application, new HashSet<string>(StringComparer.Ordinal) { "lookup" });

        Assert.Equal(["hours"], without.Tools.Keys);
        Assert.Same(application.Policy, without.Policy);
        Assert.Empty(StrictPolicy.WithoutTools(application, null).Tools);
    }
}
