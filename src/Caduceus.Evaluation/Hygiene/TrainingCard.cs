namespace Caduceus.Evaluation.Hygiene;

/// <summary>
/// The machine-readable model card <c>train</c> writes beside a model (<c>MODEL.card.json</c>): the model's own
/// SHA-256, every input file by hash, the part sizes, the threshold, and what the hygiene checks found.
/// </summary>
public sealed record TrainingCard(
    int Version,
    string Model,
    string ModelSha256,
    DateTimeOffset TrainedAt,
    IReadOnlyList<TrainingInputFile> Inputs,
    int TrainingTexts,
    int TrainingAttacks,
    int TuningTexts,
    double Threshold,
    TrainingHygiene Hygiene);
