using Caduceus.Gateway.Policies;

namespace Caduceus.Gateway.Tests.Policies;

public sealed class PolicyLineDiffTests
{
    [Fact]
    public void A_changed_line_is_one_removal_and_one_addition_and_the_rest_is_kept_in_order()
    {
        var diff = PolicyLineDiff.Compute("a = 1\nb = 2\nc = 3\n", "a = 1\nb = 9\nc = 3\nd = 4\n");

        Assert.Equal(
            [
                new PolicyDiffLine(PolicyDiffKind.Kept, "a = 1"),
                new PolicyDiffLine(PolicyDiffKind.Removed, "b = 2"),
                new PolicyDiffLine(PolicyDiffKind.Added, "b = 9"),
                new PolicyDiffLine(PolicyDiffKind.Kept, "c = 3"),
                new PolicyDiffLine(PolicyDiffKind.Added, "d = 4"),
            ],
            diff);
        Assert.Equal("  a = 1\n- b = 2\n+ b = 9\n  c = 3\n+ d = 4\n", PolicyLineDiff.ToText(diff));
    }

    [Fact]
    public void Identical_texts_have_no_changes()
    {
        Assert.All(PolicyLineDiff.Compute("x = 1\ny = 2\n", "x = 1\ny = 2\n"), line => Assert.Equal(PolicyDiffKind.Kept, line.Kind));
    }
}
