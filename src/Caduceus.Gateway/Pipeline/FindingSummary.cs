using Caduceus.Detection;

namespace Caduceus.Gateway.Pipeline;

/// <summary>Counts findings by type and names their detectors: what an event may say about them.</summary>
internal sealed class FindingSummary
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _detectors = [];

    public IReadOnlyDictionary<string, int> EntityCounts => _counts;

    public IReadOnlyList<string> Detectors => _detectors;

    public bool IsEmpty => _counts.Count == 0;

    public void AddRange(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            _counts[finding.EntityType] = _counts.GetValueOrDefault(finding.EntityType) + 1;
            if (!_detectors.Contains(finding.Detector))
            {
                _detectors.Add(finding.Detector);
            }
        }
    }
}
