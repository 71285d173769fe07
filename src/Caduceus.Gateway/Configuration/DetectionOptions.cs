namespace Caduceus.Gateway.Configuration;

/// <summary>Which detection layers inspect one application's traffic.</summary>
public sealed class DetectionOptions
{
    /// <summary>
    /// Detectors (by name, e.g. <c>PhiTagger</c>, <c>InjectionClassifier</c>) this application does without. Every
    /// detector runs unless named here; a name no detector has is a configuration error.
    /// </summary>
    public List<string> Disabled { get; set; } = [];

    /// <summary>
    /// Optional detectors (by name) this application adds: <c>InjectionEmbeddingClassifier</c>, the sentence-embedding
    /// injection layer (loads a 90 MB model on first use; embeds only texts the n-gram classifier is unsure of).
    /// A name that is not an optional detector is a configuration error.
    /// </summary>
    public List<string> Enabled { get; set; } = [];
}
