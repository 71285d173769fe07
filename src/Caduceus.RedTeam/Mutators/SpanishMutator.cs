using Caduceus.RedTeam.Attacks;

namespace Caduceus.RedTeam.Mutators;

/// <summary>The attack as written in Spanish (detectors trained on English often miss other languages).</summary>
internal sealed class SpanishMutator : IMutator
{
    public string Name => "spanish";

    public IReadOnlyList<string>? Mutate(Attack attack) => attack.Spanish is { } spanish ? [spanish] : null;
}
