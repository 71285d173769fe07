namespace Caduceus.Gateway.Keys;

/// <summary>How a <see cref="ApiKeyRevocationReason"/> is stored.</summary>
internal static class ApiKeyRevocationReasonText
{
    public static string Format(ApiKeyRevocationReason reason) => reason switch
    {
        ApiKeyRevocationReason.Unused => "unused",
        ApiKeyRevocationReason.Incident => "incident",
        _ => "revoked",
    };

    public static ApiKeyRevocationReason Parse(string text) => text switch
    {
        "unused" => ApiKeyRevocationReason.Unused,
        "incident" => ApiKeyRevocationReason.Incident,
        _ => ApiKeyRevocationReason.Revoked,
    };
}
