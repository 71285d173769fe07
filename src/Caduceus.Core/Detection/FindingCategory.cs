namespace Caduceus.Detection;

/// <summary>The family a finding belongs to; policy defaults are set per family.</summary>
public enum FindingCategory
{
    /// <summary>Protected health information (a HIPAA Safe Harbor identifier).</summary>
    Phi,

    /// <summary>An attempt to subvert the model: prompt injection or jailbreak.</summary>
    Injection,
}
