namespace Caduceus.LoadTest;

/// <summary>Names of the two targets, as they appear in the table and the JSON.</summary>
internal static class Targets
{
    public const string Direct = "direct";
    public const string Gateway = "gateway";
}
