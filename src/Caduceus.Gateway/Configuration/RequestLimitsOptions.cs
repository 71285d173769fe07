namespace Caduceus.Gateway.Configuration;

/// <summary>Bounds on what a client may send.</summary>
public sealed class RequestLimitsOptions
{
    /// <summary>Largest request body accepted, in bytes. Larger bodies get HTTP 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most messages one chat request may carry.</summary>
    public int MaxMessages { get; set; } = 256;
}
