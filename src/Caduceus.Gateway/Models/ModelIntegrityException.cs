namespace Caduceus.Gateway.Models;

/// <summary>The gateway refused to start: a model file changed, is missing or unlisted, or the manifest's signature is wrong.</summary>
public sealed class ModelIntegrityException(string message) : InvalidOperationException(message);
