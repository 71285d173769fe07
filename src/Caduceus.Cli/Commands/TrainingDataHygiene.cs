using System.Globalization;
using System.Text.Json;
using Caduceus.Evaluation.Hygiene;
using Caduceus.Evaluation.Injection;

namespace Caduceus.Cli.Commands;

/// <summary>
/// The data checks <c>train injection</c> runs before it trains, and the card it writes after: a text of the training
/// part that also appears in a held-out part refuses the run (exit 2, nothing written); near-duplicates with opposite
/// labels are listed as warnings and recorded in the card.
/// </summary>
internal static class TrainingDataHygiene
{
    private const int MaxWarningsShown = 20;
    private const string Normalization = "trim, invariant lower case, white space runs collapsed to one space";

    /// <summary>The hygiene findings, or null after printing the one-line refusal.</summary>
    public static TrainingHygiene? Check(IReadOnlyList<InjectionDocument> training, IReadOnlyList<InjectionDocument> heldOut)
    {
        var duplicates = CrossPartDuplicates.Find(training.Select(Labelled), heldOut.Select(Labelled));
        if (duplicates.Count > 0)
        {
            CommandErrors.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"{duplicates.Count} held-out texts also appear in the training part ({Normalization}), e.g. {duplicates[0].HeldOutId} repeats {duplicates[0].TrainingId}; remove them from one part before training."));
            return null;
        }

        var all = training.Concat(heldOut).DistinctBy(d => d.Id).Select(Labelled).ToArray();
        var (suspects, truncated) = LabelFlipSuspects.Find(all);
        foreach (var suspect in suspects.Take(MaxWarningsShown))
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"warning: label-flip suspect: {suspect.AttackId} (attack) and {suspect.BenignId} (benign) are near-duplicates (Jaccard {suspect.Jaccard:0.00})"));
        }

        if (suspects.Count > MaxWarningsShown)
        {
            Console.WriteLine($"warning: {suspects.Count - MaxWarningsShown} more label-flip suspects; all are in the model card.");
        }

        if (truncated)
        {
            Console.WriteLine($"warning: the label-flip search stopped after {LabelFlipSuspects.MaxComparisons:N0} comparisons; there may be more suspects.");
        }

        return new TrainingHygiene(Normalization, 0, LabelFlipSuspects.DefaultThreshold, suspects, truncated);
    }

    /// <summary>Writes <c>MODEL.card.json</c> beside the model and returns its path.</summary>
    public static string WriteCard(
        string model,
        string[] dataFiles,
        string[] splitFiles,
        string[] tuneFiles,
        string[] testFiles,
        IReadOnlyList<InjectionDocument> training,
        int tuningCount,
        double threshold,
        TrainingHygiene hygiene)
    {
        var inputs = dataFiles.Select(f => TrainingInputFile.Of(f, "data"))
            .Concat(splitFiles.Select(f => TrainingInputFile.Of(f, "train_split")))
            .Concat(tuneFiles.Select(f => TrainingInputFile.Of(f, "tune_split")))
            .Concat(testFiles.Select(f => TrainingInputFile.Of(f, "test_split")))
            .ToArray();
        var card = new TrainingCard(
            1,
            Path.GetFileName(model),
            TrainingInputFile.Of(model, "model").Sha256,
            DateTimeOffset.UtcNow,
            inputs,
            training.Count,
            training.Count(d => d.IsAttack),
            tuningCount,
            threshold,
            hygiene);
        var path = model + ".card.json";
        File.WriteAllText(path, JsonSerializer.Serialize(card, TrainingCardJsonContext.Default.TrainingCard) + "\n");
        return path;
    }

    private static LabelledText Labelled(InjectionDocument document) => new(document.Id, document.Text, document.IsAttack);
}
