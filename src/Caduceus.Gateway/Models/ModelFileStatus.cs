namespace Caduceus.Gateway.Models;

public enum ModelFileStatus
{
    Ok,

    /// <summary>The file's SHA-256 or size differs from the manifest's (or the build's).</summary>
    Changed,

    /// <summary>The manifest lists it and it is not there.</summary>
    Missing,

    /// <summary>The gateway would load it and the manifest does not cover it.</summary>
    Unlisted,
}
