namespace Caduceus.Detection.Tests;

internal static class DetectorExtensions
{
    /// <summary>Runs one detector on a user message and returns its findings.</summary>
    public static List<Finding> FindIn(this IDetector detector, string text, TextSource source = TextSource.User)
    {
        var findings = new List<Finding>();
        detector.Detect(new DetectionInput(text, source), findings);
        return findings;
    }

    /// <summary>The characters a finding covers.</summary>
    public static string Covered(this Finding finding, string text) => text.Substring(finding.Start, finding.Length);
}
