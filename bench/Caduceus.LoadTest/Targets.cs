namespace Caduceus.LoadTest;

/// <summary>Names of the targets, as they appear in the table and the JSON.</summary>
internal static class Targets
{
    public const string Direct = "direct";
    public const string Gateway = "gateway";

    /// <summary>The bare pass-through proxy (<c>--baseline bare-proxy</c>): the extra HTTP hop with nothing else.</summary>
    public const string BareProxy = "bare-proxy";
}
