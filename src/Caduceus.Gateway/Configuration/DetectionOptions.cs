namespace Caduceus.Gateway.Configuration;

/// <summary>Which detection layers inspect one application's traffic.</summary>
public sealed class DetectionOptions
{
    /// <summary>
    /// Detectors (by name, e.g. <c>PhiTagger</c>, <c>InjectionClassifier</c>) this application does without. Every
    /// detector runs unless named here; a name no detector has is a configuration error.
    /// </summary>
    public List<string> Disabled { get; set; } = [];
}
