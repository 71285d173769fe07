namespace Caduceus.Gateway.Networking;

/// <summary>
/// <c>ForwardedHeaders</c>: the load balancers whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the gateway
/// believes. With none listed (the default) the headers are ignored, so a client cannot choose the address that
/// failure counters, blocklists and the audit see.
/// </summary>
public sealed class TrustedProxiesOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>, <c>fd00::/8</c>) of the proxies in front of the gateway.</summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>How many proxy hops to unwind from the right of <c>X-Forwarded-For</c>.</summary>
    public int ForwardLimit { get; set; } = 1;
}
