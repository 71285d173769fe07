using Caduceus.Detection;

namespace Caduceus.Policy;

/// <summary>What policy decided about a text and why.</summary>
/// <param name="Action">The most severe action any finding called for.</param>
/// <param name="Redactions">Findings whose spans must be redacted (empty unless <paramref name="Action"/> is Redact).</param>
/// <param name="Blocking">The findings that caused a block (empty unless <paramref name="Action"/> is Block).</param>
/// <param name="RefusalCode">Machine-readable reason for a block, e.g. <c>prompt_injection_detected</c>.</param>
public sealed record Decision(
    PolicyAction Action,
    IReadOnlyList<Finding> Redactions,
    IReadOnlyList<Finding> Blocking,
    string? RefusalCode)
{
    public static Decision Allow { get; } = new(PolicyAction.Allow, [], [], null);
}
