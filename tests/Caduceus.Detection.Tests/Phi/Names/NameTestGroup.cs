namespace Caduceus.Detection.Tests.Phi.Names;

/// <summary>
/// The name tests run on their own, after the tests that run in parallel: their load (the lexicon build, 100 KB
/// inputs, a parallel loop) would otherwise slow the timed regular expressions of other recognizers' tests.
/// </summary>
[CollectionDefinition(nameof(NameTestGroup), DisableParallelization = true)]
public sealed class NameTestGroup;
