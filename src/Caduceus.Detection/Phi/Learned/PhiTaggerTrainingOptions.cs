namespace Caduceus.Detection.Phi.Learned;

/// <summary>How <see cref="PhiTaggerTrainer"/> trains.</summary>
public sealed record PhiTaggerTrainingOptions
{
    /// <summary>Passes over the training texts.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Seeds the order the texts are visited in each pass; the same seed and data give the same model.</summary>
    public ulong Seed { get; init; } = 20261128;

    /// <summary>Stored in the model: added to each entity label's score before it is compared with "not PHI".</summary>
    public float RecallBias { get; init; }

    /// <summary>Features whose averaged weights all stay below this in magnitude are left out of the model.</summary>
    public float PruneBelow { get; init; } = 0.01f;
}
