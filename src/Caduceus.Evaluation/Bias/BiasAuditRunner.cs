namespace Caduceus.Evaluation.Bias;

/// <summary>Puts every variant to a probe, a few at a time, and returns the observations in the variants' order.</summary>
public static class BiasAuditRunner
{
    public static async Task<IReadOnlyList<BiasObservation>> ObserveAsync(
        IReadOnlyList<BiasVariant> variants, IBiasProbe probe, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var observations = new BiasObservation[variants.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, variants.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (index, token) => observations[index] = await probe.ObserveAsync(variants[index], token));
        return observations;
    }
}
