namespace Caduceus.Gateway.Models;

/// <summary>
/// The signed manifest of model files (<c>Models:Integrity</c>). With both set, the gateway checks every file the
/// manifest lists, and the signature over it, before it starts; with neither, it checks its embedded models against
/// the hashes compiled into the build.
/// </summary>
public sealed class ModelIntegrityOptions
{
    /// <summary>PEM file with the deployment's ECDSA P-256 public key.</summary>
    public string? PublicKeyFile { get; set; }

    /// <summary>The manifest <c>caduceus models sign</c> wrote.</summary>
    public string? ManifestFile { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(PublicKeyFile) || !string.IsNullOrWhiteSpace(ManifestFile);
}
