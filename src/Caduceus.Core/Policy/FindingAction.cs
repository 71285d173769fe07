using Caduceus.Detection;

namespace Caduceus.Policy;

/// <summary>A finding and the transformation policy chose for it.</summary>
public readonly record struct FindingAction(Finding Finding, PolicyAction Action);
