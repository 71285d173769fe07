using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Splits;

/// <summary>The document ids of one data file, divided into a development part and a held-out test part.</summary>
/// <param name="Dev">Ids of the development part, in file order.</param>
/// <param name="Test">Ids of the test part, in file order.</param>
public sealed record DatasetSplit(IReadOnlyList<string> Dev, IReadOnlyList<string> Test)
{
    /// <summary>
    /// Splits <paramref name="documents"/> so that about <paramref name="devFraction"/> of them go to development,
    /// deterministically for a seed. Stratified: documents are grouped by their rarest entity type (the type found in
    /// the fewest documents of the file; "none" for documents without spans), and each group is shuffled and cut
    /// separately, so a type that occurs in a handful of documents still lands in both parts.
    /// </summary>
    public static DatasetSplit Create(IReadOnlyList<PhiDocument> documents, long seed, double devFraction)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (double.IsNaN(devFraction) || devFraction < 0 || devFraction > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(devFraction), devFraction, "The development fraction must be between 0 and 1.");
        }

        var documentsWithType = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var type in document.Spans.Select(s => s.Type).Distinct())
            {
                documentsWithType[type] = documentsWithType.GetValueOrDefault(type) + 1;
            }
        }

        var strata = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var key = documents[i].Spans
                .Select(s => s.Type)
                .Distinct()
                .OrderBy(t => documentsWithType[t])
                .ThenBy(t => t, StringComparer.Ordinal)
                .FirstOrDefault() ?? string.Empty;
            if (!strata.TryGetValue(key, out var members))
            {
                strata[key] = members = [];
            }

            members.Add(i);
        }

        var random = new DeterministicRandom(seed);
        var isDev = new bool[documents.Count];
        var placed = 0L;
        var devSoFar = 0L;
        foreach (var members in strata.Values)
        {
            // Order within a stratum by id, not by file position, so reordering the file does not change the split.
            members.Sort((a, b) => string.CompareOrdinal(documents[a].Id, documents[b].Id));
            random.Shuffle(members);

            // Cumulative rounding: the parts' sizes over all strata stay within one document of the fraction.
            placed += members.Count;
            var devTarget = (long)Math.Round(placed * devFraction, MidpointRounding.AwayFromZero);
            var take = (int)(devTarget - devSoFar);
            for (var k = 0; k < take; k++)
            {
                isDev[members[k]] = true;
            }

            devSoFar = devTarget;
        }

        var dev = new List<string>();
        var test = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            (isDev[i] ? dev : test).Add(documents[i].Id);
        }

        return new DatasetSplit(dev, test);
    }
}
