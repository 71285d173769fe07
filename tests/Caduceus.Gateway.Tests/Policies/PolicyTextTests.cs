using Caduceus.Gateway.Policies;
using Caduceus.Policy;

namespace Caduceus.Gateway.Tests.Policies;

public sealed class PolicyTextTests
{
    [Fact]
    public void A_rendered_policy_parses_back_to_the_same_text()
    {
        var policy = new ApplicationPolicy { RestorePseudonyms = true, CanaryTokens = false };
        policy.Request.Phi = PolicyAction.Pseudonymize;
        policy.Request.InjectionMinimumScore = 0.8;
        policy.Request.Entities["ssn"] = PolicyAction.Block;
        policy.Response.MinimumScore = 0.25;

        var text = PolicyText.Render(policy);

        Assert.Contains("Request.Entities.SSN = Block\n", text, StringComparison.Ordinal);
        Assert.True(PolicyText.TryParse(text, out var parsed, out var error), error);
        Assert.Equal(text, PolicyText.Render(parsed));
        Assert.Equal(PolicyText.Hash(text), PolicyText.Hash(PolicyText.Render(parsed)));
    }

    [Theory]
    [InlineData("Request.Phi = 2", "Request.Phi must be one of Allow, Pseudonymize, Redact, Block, not '2'.")]
    [InlineData("Request.Entities.PASSPORT = Block", "unknown entity type 'PASSPORT'")]
    [InlineData("Request.Colour = Blue", "unknown setting 'Request.Colour'.")]
    [InlineData("Response.MinimumScore = -0.1", "Response.MinimumScore must be a number between 0 and 1")]
    [InlineData("CanaryTokens = yes", "CanaryTokens must be true or false")]
    [InlineData("Request.Phi = Block\nRequest.Phi = Allow", "line 2 sets Request.Phi a second time.")]
    [InlineData("just words", "line 1 is not 'Setting = Value'.")]
    public void Anything_unknown_or_out_of_range_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(PolicyText.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
