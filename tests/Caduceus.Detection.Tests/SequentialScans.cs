namespace Caduceus.Detection.Tests;

/// <summary>
/// Test classes that scan 100 KB adversarial inputs. Regex timeouts are measured in wall-clock time, so these run
/// alone, not beside other test classes on a busy machine, where a linear scan could still overrun the timeout.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SequentialScans
{
    public const string Name = "Sequential regex scans";
}
