using Caduceus.Detection.Phi.Names;

[assembly: AssemblyFixture(typeof(Caduceus.Detection.Tests.Phi.Names.NameLexiconWarmUp))]

namespace Caduceus.Detection.Tests.Phi.Names;

/// <summary>
/// Builds the name lexicon before any test runs, as a host does at start-up: built during the parallel tests, its
/// allocations and garbage collections would stall other recognizers' timed regular expressions.
/// </summary>
public sealed class NameLexiconWarmUp
{
    public NameLexiconWarmUp() => Lexicon = NameLexicon.Default;

    internal NameLexicon Lexicon { get; }
}
