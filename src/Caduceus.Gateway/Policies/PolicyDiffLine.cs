namespace Caduceus.Gateway.Policies;

/// <summary>One line of a <see cref="PolicyLineDiff"/>.</summary>
public sealed record PolicyDiffLine(PolicyDiffKind Kind, string Text);
