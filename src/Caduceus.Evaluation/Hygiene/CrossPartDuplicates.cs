namespace Caduceus.Evaluation.Hygiene;

/// <summary>
/// Exact duplicates (after <see cref="DuplicateNormalization"/>) between the training part and a held-out (tuning or
/// test) part: a model scored on texts it was trained on looks better than it is.
/// </summary>
public static class CrossPartDuplicates
{
    public static IReadOnlyList<CrossPartDuplicate> Find(IEnumerable<LabelledText> training, IEnumerable<LabelledText> heldOut)
    {
        var byText = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in training)
        {
            byText.TryAdd(DuplicateNormalization.Normalize(text.Text), text.Id);
        }

        return heldOut
            .Select(text => byText.TryGetValue(DuplicateNormalization.Normalize(text.Text), out var trainingId) ? new CrossPartDuplicate(trainingId, text.Id) : null)
            .OfType<CrossPartDuplicate>()
            .ToArray();
    }
}
