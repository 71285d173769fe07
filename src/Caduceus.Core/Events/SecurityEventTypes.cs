namespace Caduceus.Events;

/// <summary>The kinds of security event the gateway emits.</summary>
public static class SecurityEventTypes
{
    public const string RequestBlocked = "request.blocked";
    public const string RequestRedacted = "request.redacted";
    public const string ResponseBlocked = "response.blocked";
    public const string ResponseRedacted = "response.redacted";

    /// <summary>Pseudonym tokens in an answer were turned back into real values for an entitled caller.</summary>
    public const string ResponseRestored = "response.restored";
    public const string AuthenticationFailed = "authentication.failed";

    /// <summary>Too many failed authentications came from one source; its requests are refused for a while.</summary>
    public const string AuthenticationThrottled = "authentication.throttled";

    /// <summary>An authenticated caller asked for something its roles do not allow.</summary>
    public const string AuthorizationDenied = "authorization.denied";
    public const string InspectionFailed = "inspection.failed";

    /// <summary>A caller proved to be a patient of the practice.</summary>
    public const string VerificationSucceeded = "verification.succeeded";

    /// <summary>A caller's verification details or code did not match.</summary>
    public const string VerificationFailed = "verification.failed";

    /// <summary>A conversation or client address was locked out after too many failed verifications.</summary>
    public const string VerificationLocked = "verification.locked";

    /// <summary>A tool call in a model's answer was refused.</summary>
    public const string ToolCallRefused = "tool_call.refused";

    /// <summary>An admin proved a second factor (a session opened, a step-up, a factor enrolled).</summary>
    public const string MfaSucceeded = "mfa.succeeded";

    /// <summary>An admin's TOTP code or passkey assertion was refused (wrong, replayed, unknown ceremony).</summary>
    public const string MfaFailed = "mfa.failed";

    /// <summary>An admin key or a source address has too many failed second-factor attempts and is refused for a while.</summary>
    public const string MfaLocked = "mfa.locked";

    /// <summary>An admin request came without a valid MFA session (missing, unknown, expired, another key's).</summary>
    public const string MfaRequired = "mfa.required";

    /// <summary>A dangerous admin action came without a recent second-factor proof.</summary>
    public const string MfaStepUpRequired = "mfa.step_up_required";

    /// <summary>An admin enrolled or removed a second factor, or ended a session.</summary>
    public const string MfaChanged = "mfa.changed";

    /// <summary>A playbook opened an incident from correlated events.</summary>
    public const string IncidentOpened = "incident.opened";

    /// <summary>A containment action was taken on an incident (by its playbook or a person).</summary>
    public const string IncidentContained = "incident.contained";

    /// <summary>
    /// A possible breach's notification deadline (60 days from discovery) is near or has passed with no notification
    /// recorded. The code is <c>due_soon</c> or <c>overdue</c>.
    /// </summary>
    public const string IncidentNotificationDue = "incident.notification_due";

    /// <summary>
    /// Use that departs from its own baseline (request rate, PHI per request, distinct patients, refusals, off-hours
    /// use, token volume) for a key, an application or a conversation. The code names the metric.
    /// </summary>
    public const string AnomalyDetected = "anomaly.detected";

    /// <summary>
    /// A caller used up its request rate or token budget (OWASP LLM10, unbounded consumption) and was refused with
    /// 429. The code is <c>rate_limit_exceeded</c> or <c>token_budget_exceeded</c>.
    /// </summary>
    public const string LimitExceeded = "limit.exceeded";

    /// <summary>
    /// The shared store of rate limits and token budgets (Redis) could not be reached: each instance counts on its
    /// own until it is back. Raised once per outage.
    /// </summary>
    public const string LimitStoreUnavailable = "limit.store_unavailable";

    /// <summary>
    /// A scheduled red-team drill ran against the gateway's own application. The code is <c>passed</c> or
    /// <c>failed</c> (a category stopped less than its minimum, benign refusals above their maximum, or a drop since the
    /// schedule's previous run); the counts are the drill's numbers (<c>LLM01.attempts</c>, <c>LLM01.stopped</c>, ...,
    /// <c>benign.total</c>, <c>benign.refused</c>, <c>duration_ms</c>), never its text.
    /// </summary>
    public const string DrillCompleted = "drill.completed";

    /// <summary>A scheduled red-team drill could not run (the code says why, e.g. <c>unreachable</c>, <c>no_default_model</c>, <c>timed_out</c>).</summary>
    public const string DrillFailed = "drill.failed";
}
