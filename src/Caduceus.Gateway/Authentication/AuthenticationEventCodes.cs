using Caduceus.Gateway.Keys;

namespace Caduceus.Gateway.Authentication;

/// <summary>
/// Why authentication failed, as security events record it. The client is only told its key is not valid (and
/// the event id): which of these applied is for operators, not for whoever holds the key.
/// </summary>
public static class AuthenticationEventCodes
{
    public const string MissingApiKey = "missing_api_key";
    public const string UnknownApiKey = "unknown_api_key";
    public const string RevokedApiKey = "revoked_api_key";
    public const string ExpiredApiKey = "expired_api_key";
    public const string ReplacedApiKey = "replaced_api_key";

    public static string For(ApiKeyRefusalReason reason) => reason switch
    {
        ApiKeyRefusalReason.Revoked => RevokedApiKey,
        ApiKeyRefusalReason.Expired => ExpiredApiKey,
        ApiKeyRefusalReason.Replaced => ReplacedApiKey,
        _ => UnknownApiKey,
    };
}
