namespace Caduceus.Gateway.Drills;

/// <summary>Decides which instance runs a schedule's drill at a due time, so a fleet drills once, not once per instance.</summary>
internal interface IDrillRunClaims
{
    /// <summary>True for exactly one caller per schedule and due time among the instances that share the claims.</summary>
    Task<bool> TryClaimAsync(string schedule, DateTimeOffset due, CancellationToken cancellationToken);
}
