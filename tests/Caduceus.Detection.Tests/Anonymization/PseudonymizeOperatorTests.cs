using Caduceus.Detection.Anonymization;

namespace Caduceus.Detection.Tests.Anonymization;

public sealed class PseudonymizeOperatorTests
{
    [Fact]
    public void Issues_tokens_in_the_scope()
    {
        var scope = new AnonymizationScope("c");

        Assert.Equal("<SSN_1>", PseudonymizeOperator.Instance.Operate(EntityTypes.Ssn, "536-22-1843", scope));
        Assert.Equal("<SSN_1>", PseudonymizeOperator.Instance.Operate(EntityTypes.Ssn, "536-22-1843", scope));
        Assert.Equal("<SSN_1>", PseudonymizeOperator.Instance.Operate(EntityTypes.Ssn, "219-09-1234", new AnonymizationScope("other")));
        Assert.True(scope.Pseudonyms.TryGetValue("<SSN_1>", out var value));
        Assert.Equal("536-22-1843", value);
    }
}
