namespace Caduceus.Policy;

/// <summary>The <c>error.code</c> values the gateway answers with when it refuses.</summary>
public static class RefusalCodes
{
    public const string PromptInjectionDetected = "prompt_injection_detected";
    public const string PhiBlocked = "phi_blocked";
    public const string SystemPromptLeak = "system_prompt_leak";
    public const string InvalidApiKey = "invalid_api_key";
    public const string RoleNotAllowed = "role_not_allowed";
    public const string TooManyFailedAuthentications = "too_many_failed_authentications";
    public const string InvalidRequest = "invalid_request";
    public const string RequestTooLarge = "request_too_large";
    public const string TooManyMessages = "too_many_messages";
    public const string UpstreamUnavailable = "upstream_unavailable";
    public const string UpstreamTimeout = "upstream_timeout";
    public const string UpstreamInvalidResponse = "upstream_invalid_response";
}
