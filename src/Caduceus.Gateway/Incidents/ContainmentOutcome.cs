namespace Caduceus.Gateway.Incidents;

/// <summary>What a containment action did: whether it took effect, on what, and why not when it did not.</summary>
public sealed record ContainmentOutcome(bool TookEffect, string Target, string Description);
