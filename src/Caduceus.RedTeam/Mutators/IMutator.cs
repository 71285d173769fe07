using Caduceus.RedTeam.Attacks;

namespace Caduceus.RedTeam.Mutators;

/// <summary>Rewrites an attack's payload the way attackers do to slip past filters, multiplying the library.</summary>
internal interface IMutator
{
    /// <summary>A short name for scorecards, e.g. <c>base64</c>.</summary>
    string Name { get; }

    /// <summary>The payload as one or more user turns; null when the mutation does not apply to this attack.</summary>
    IReadOnlyList<string>? Mutate(Attack attack);
}
