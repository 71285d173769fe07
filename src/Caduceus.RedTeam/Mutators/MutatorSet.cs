namespace Caduceus.RedTeam.Mutators;

/// <summary>The mutators every drill applies, in scorecard order.</summary>
internal static class MutatorSet
{
    public static IReadOnlyList<IMutator> All { get; } =
    [
        new Base64Mutator(),
        new LeetspeakMutator(),
        new ZeroWidthMutator(),
        new HomoglyphMutator(),
        new SpanishMutator(),
        new ParaphraseMutator(),
        new SplitTurnsMutator(),
    ];
}
