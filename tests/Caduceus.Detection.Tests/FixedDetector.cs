namespace Caduceus.Detection.Tests;

/// <summary>A detector that reports the same findings for any text, to test what is done with findings.</summary>
internal sealed class FixedDetector(string name, params Finding[] reported) : IDetector
{
    private readonly Finding[] _reported = reported;

    public string Name { get; } = name;

    public void Detect(DetectionInput input, List<Finding> findings) => findings.AddRange(_reported);
}
