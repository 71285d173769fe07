namespace Caduceus.Policy;

/// <summary>The <c>error.code</c> values the gateway answers with when it refuses.</summary>
public static class RefusalCodes
{
    public const string PromptInjectionDetected = "prompt_injection_detected";
    public const string PhiBlocked = "phi_blocked";
    public const string SystemPromptLeak = "system_prompt_leak";
    /// <summary>The answer carries PHI and the caller has not yet proved to be the patient it belongs to.</summary>
    public const string CallerNotVerified = "caller_not_verified";

    /// <summary>The answer carries identifiers of someone other than the verified caller.</summary>
    public const string OtherPatientPhi = "other_patient_phi";

    /// <summary>The model asked for a tool call the application does not allow, or with arguments it does not allow.</summary>
    public const string ToolCallRefused = "tool_call_refused";

    /// <summary>The caller's verification factors did not match.</summary>
    public const string VerificationFailed = "verification_failed";

    /// <summary>Too many failed verification attempts: the conversation or the address is locked out for a while.</summary>
    public const string VerificationLocked = "verification_locked";

    /// <summary>The admin API needs an MFA session (<c>X-Caduceus-Admin-Session</c>) that is valid for this key.</summary>
    public const string MfaRequired = "mfa_required";

    /// <summary>A dangerous admin action needs a second-factor proof from the last few minutes.</summary>
    public const string StepUpRequired = "step_up_required";

    /// <summary>The TOTP code or passkey assertion was not accepted.</summary>
    public const string MfaFailed = "mfa_failed";

    /// <summary>Too many failed second-factor attempts for this key or from this address; try again later.</summary>
    public const string MfaLocked = "mfa_locked";

    /// <summary>The shared failure counters that limit second-factor guessing cannot be reached, so no proof is checked (fail closed).</summary>
    public const string MfaUnavailable = "mfa_unavailable";

    public const string InvalidApiKey = "invalid_api_key";

    /// <summary>None of the caller's roles is granted the purpose of use it named.</summary>
    public const string PurposeNotAllowed = "purpose_not_allowed";

    /// <summary>A bearer token from the identity provider failed validation (signature, issuer, audience, lifetime or claims).</summary>
    public const string InvalidToken = "invalid_token";
    public const string RoleNotAllowed = "role_not_allowed";

    /// <summary>An incident's containment suspended this caller for a while.</summary>
    public const string CallerSuspended = "caller_suspended";

    /// <summary>An incident's containment disabled the whole application until a responder lifts it.</summary>
    public const string ApplicationDisabled = "application_disabled";

    /// <summary>The request came from a network address blocked while an incident is handled.</summary>
    public const string SourceBlocked = "source_blocked";

    /// <summary>A text of the request hashes to an attack payload that a threat intelligence feed reported.</summary>
    public const string KnownAttackPayload = "known_attack_payload";
    public const string TooManyFailedAuthentications = "too_many_failed_authentications";
    public const string InvalidRequest = "invalid_request";
    public const string RequestTooLarge = "request_too_large";
    public const string TooManyMessages = "too_many_messages";

    /// <summary>The caller sent more requests than its rate allows in the current window (429, Retry-After).</summary>
    public const string RateLimitExceeded = "rate_limit_exceeded";

    /// <summary>The caller's hourly or daily token budget is used up, or this request would exceed it (429, Retry-After).</summary>
    public const string TokenBudgetExceeded = "token_budget_exceeded";

    /// <summary>The request's <c>max_tokens</c> (or <c>max_completion_tokens</c>) is above the per-request ceiling.</summary>
    public const string MaxTokensTooLarge = "max_tokens_too_large";

    /// <summary>The model's answer grew past the gateway's answer limit (unbounded consumption).</summary>
    public const string AnswerTooLong = "answer_too_long";

    /// <summary>The model streamed its answer slower than the gateway's minimum rate (a connection held open).</summary>
    public const string StreamTooSlow = "stream_too_slow";
    public const string UpstreamUnavailable = "upstream_unavailable";
    public const string UpstreamTimeout = "upstream_timeout";
    public const string UpstreamInvalidResponse = "upstream_invalid_response";
}
