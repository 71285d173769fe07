namespace Caduceus.Detection;

/// <summary>Runs every configured detector over a text.</summary>
public interface ITextAnalyzer
{
    /// <summary>Findings of all detectors, ordered by start offset.</summary>
    IReadOnlyList<Finding> Analyze(DetectionInput input);
}
