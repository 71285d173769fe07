namespace Caduceus.Gateway.Policies;

/// <summary>Security event types of policy changes. They name the application and who changed it, never the policy's text.</summary>
internal static class PolicyEvents
{
    /// <summary>A policy override was saved (code <c>overridden</c>) or removed (code <c>reset</c>).</summary>
    public const string Changed = "policy.changed";
}
