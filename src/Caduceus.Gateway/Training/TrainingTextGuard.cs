using Caduceus.Detection;
using Caduceus.Detection.Phi;
using Caduceus.Detection.Phi.HealthPlans;

namespace Caduceus.Gateway.Training;

/// <summary>
/// Keeps patient identifiers out of the register's free text (display names, evidence): the pattern recognizers for
/// the identifiers most likely to be pasted by mistake run over it, and any finding refuses the text. Only the type
/// found is reported, never the value. The learned detectors are left out: a staff member's name is not PHI.
/// </summary>
internal static class TrainingTextGuard
{
    private static readonly IDetector[] Detectors = [new SsnRecognizer(), new PhoneRecognizer(), new EmailRecognizer(), new MrnRecognizer(), new MbiRecognizer()];

    /// <summary>The entity type of the first identifier found in <paramref name="text"/>, or null.</summary>
    public static string? FirstIdentifierIn(string text)
    {
        var findings = new List<Finding>();
        var input = new DetectionInput(text, TextSource.User);
        foreach (var detector in Detectors)
        {
            detector.Detect(input, findings);
            if (findings.Count > 0)
            {
                return findings[0].EntityType;
            }
        }

        return null;
    }
}
