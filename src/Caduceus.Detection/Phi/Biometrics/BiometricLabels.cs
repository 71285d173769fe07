using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Biometrics;

/// <summary>
/// Labels of biometric identifiers: finger, palm and voice prints, retina and iris scans or templates, and full-face
/// photographs, followed by the identifier of the record ("fingerprint ID FP-00912", "voiceprint #: VP2231").
/// Conservative on purpose: every label is weak, so a value counts only after an id marker or when it is shaped like an
/// identifier; the mention of a biometric alone is not reported. Written for this project.
/// </summary>
internal static class BiometricLabels
{
    private const double Score = 0.7;

    public static IReadOnlyList<IdentifierLabel> All { get; } =
    [
        .. new[]
        {
            "fingerprint", "finger print", "thumbprint", "thumb print", "palm print", "palmprint", "voiceprint",
            "voice print", "retina scan", "retinal scan", "iris scan", "iris template", "iris image", "face photo",
            "facial photo", "full-face photo", "full face photo", "face image", "facial image", "face template",
            "facial template", "faceprint", "biometric", "facial recognition",
        }.Select(p => new IdentifierLabel(p, EntityTypes.Biometric, Score, IsWeak: true)),
    ];
}
