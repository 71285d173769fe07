using Caduceus.Detection;

namespace Caduceus.Policy;

/// <summary>What policy decided about a text and why.</summary>
/// <param name="Action">
/// Block when any finding blocks; otherwise the strongest transformation called for (Redact over Pseudonymize);
/// Allow when the text passes unchanged.
/// </param>
/// <param name="Transforms">Findings to replace and how (Redact or Pseudonymize); empty when the text is blocked or allowed.</param>
/// <param name="Blocking">The findings that caused a block (empty unless <paramref name="Action"/> is Block).</param>
/// <param name="RefusalCode">Machine-readable reason for a block, e.g. <c>prompt_injection_detected</c>.</param>
public sealed record Decision(
    PolicyAction Action,
    IReadOnlyList<FindingAction> Transforms,
    IReadOnlyList<Finding> Blocking,
    string? RefusalCode)
{
    public static Decision Allow { get; } = new(PolicyAction.Allow, [], [], null);

    /// <summary>The findings to transform, whatever the transformation.</summary>
    public IReadOnlyList<Finding> TransformedFindings => Transforms.Select(t => t.Finding).ToArray();
}
