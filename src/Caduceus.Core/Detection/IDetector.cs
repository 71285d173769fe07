namespace Caduceus.Detection;

/// <summary>
/// Looks at a text and reports findings. Implementations are stateless and thread-safe:
/// one instance serves every request.
/// </summary>
public interface IDetector
{
    /// <summary>Stable name reported in findings and events.</summary>
    string Name { get; }

    /// <summary>Appends this detector's findings for <paramref name="input"/> to <paramref name="findings"/>.</summary>
    void Detect(DetectionInput input, List<Finding> findings);
}
