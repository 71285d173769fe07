namespace Caduceus.Evaluation.Injection;

/// <summary>The ids of one injection data file in training, development and test parts.</summary>
public sealed record InjectionSplit(IReadOnlyList<string> Train, IReadOnlyList<string> Dev, IReadOnlyList<string> Test)
{
    /// <summary>
    /// Cuts <paramref name="documents"/> into parts of about the given fractions (the test part takes the rest),
    /// stratified by label so each part keeps the file's mix, deterministically for a seed: within a label, documents
    /// are ordered by id and shuffled by <see cref="DeterministicRandom"/>. Each part lists its ids in file order.
    /// </summary>
    public static InjectionSplit Create(IReadOnlyList<InjectionDocument> documents, long seed, double trainFraction, double devFraction)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!(trainFraction >= 0 && devFraction >= 0 && trainFraction + devFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), "The fractions must be non-negative and sum to at most 1.");
        }

        var random = new DeterministicRandom(seed);
        var part = new int[documents.Count];
        foreach (var label in InjectionDocument.Labels)
        {
            var members = Enumerable.Range(0, documents.Count).Where(i => documents[i].Label == label).ToList();
            members.Sort((a, b) => string.CompareOrdinal(documents[a].Id, documents[b].Id));
            random.Shuffle(members);
            var train = (int)Math.Round(members.Count * trainFraction);
            var dev = (int)Math.Round(members.Count * (trainFraction + devFraction)) - train;
            for (var k = 0; k < members.Count; k++)
            {
                part[members[k]] = k < train ? 0 : k < train + dev ? 1 : 2;
            }
        }

        List<string> Part(int which) => [.. Enumerable.Range(0, documents.Count).Where(i => part[i] == which).Select(i => documents[i].Id)];
        return new InjectionSplit(Part(0), Part(1), Part(2));
    }
}
