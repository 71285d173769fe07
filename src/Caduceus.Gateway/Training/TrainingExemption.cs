namespace Caduceus.Gateway.Training;

/// <summary>
/// Endpoint metadata: admin endpoints that are not held to training. Opening a session and managing one's own second
/// factors are not admin actions, and the training endpoints themselves stay open so a lapsed team can bring its
/// records up to date (a person still cannot record their own completion there).
/// </summary>
internal sealed class TrainingExemption
{
    public static TrainingExemption Instance { get; } = new();
}
