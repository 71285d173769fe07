using Caduceus.Detection;

namespace Caduceus.Policy;

/// <summary>
/// A stricter action than the policy's for one finding, decided by something the policy cannot know (who the caller
/// turned out to be, for instance), given the action the policy chose. Returns null to leave that action as it is.
/// </summary>
public delegate Escalation? FindingEscalation(Finding finding, PolicyAction policyAction);

/// <summary>The action a finding must get at least, and the refusal code to give when that action blocks.</summary>
public readonly record struct Escalation(PolicyAction Action, string RefusalCode);
