namespace Caduceus.Gateway.Access;

/// <summary>
/// What one role may do for one purpose of use (<c>Applications:NAME:Access:ROLE:PURPOSE</c>): which PHI entity types may
/// reach the model as they are, which may be re-identified in answers, and which tools the model may call for it.
/// Everything not listed is denied.
/// </summary>
public sealed class AccessGrant
{
    /// <summary>Entity types (<c>NAME</c>, <c>DATE</c>, ...) that may pass to the model; every other type is at least redacted.</summary>
    public List<string> Send { get; set; } = [];

    /// <summary>Entity types whose pseudonyms may be restored in answers (the policy's <c>RestorePseudonyms</c> must be on too).</summary>
    public List<string> Reidentify { get; set; } = [];

    /// <summary>Tools the model may call (each must also be on the application's <c>Tools</c> allow-list).</summary>
    public List<string> Tools { get; set; } = [];
}
