namespace Caduceus.Gateway.Policies;

/// <summary>A line-based diff (longest common subsequence) of two short texts, such as two renderings of a policy.</summary>
public static class PolicyLineDiff
{
    /// <summary>Every line of both texts in order, marked kept, removed or added.</summary>
    public static IReadOnlyList<PolicyDiffLine> Compute(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var diff = new List<PolicyDiffLine>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                diff.Add(new PolicyDiffLine(PolicyDiffKind.Kept, a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                // Removals first, so a changed line reads as the old value, then the new one.
                diff.Add(new PolicyDiffLine(PolicyDiffKind.Removed, a[x++]));
            }
            else
            {
                diff.Add(new PolicyDiffLine(PolicyDiffKind.Added, b[y++]));
            }
        }

        return diff;
    }

    /// <summary>The diff as unified-style text (<c>- old</c>, <c>+ new</c>, two spaces for kept lines).</summary>
    public static string ToText(IReadOnlyList<PolicyDiffLine> diff) =>
        string.Concat(diff.Select(line => (line.Kind switch { PolicyDiffKind.Added => "+ ", PolicyDiffKind.Removed => "- ", _ => "  " }) + line.Text + "\n"));

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
