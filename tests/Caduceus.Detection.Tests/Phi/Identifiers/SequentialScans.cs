namespace Caduceus.Detection.Tests.Phi.Identifiers;

/// <summary>
/// Test classes that scan 100 KB adversarial inputs run one at a time, after the parallel tests: a regex match has a
/// 250 ms wall-clock timeout, and on two shared cores several such scans side by side can starve each other (and the
/// analyzer's own pathological-input tests) past it although each takes only milliseconds of CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SequentialScans
{
    public const string Name = "Adversarial identifier inputs";
}
