using Caduceus.Events;

namespace Caduceus.Gateway.Siem;

/// <summary>
/// Where a security event sits in the Open Cybersecurity Schema Framework (OCSF 1.x): its class, category and
/// severity, so that every exporter describes an event the same way.
/// </summary>
internal sealed record OcsfClass(int ClassUid, string ClassName, int CategoryUid, int SeverityId)
{
    // OCSF class ids: Detection Finding 2004 (Findings, 2), Authentication 3002 (IAM, 3), API Activity 6003 (Application, 6).
    public static OcsfClass Of(SecurityEvent securityEvent) => securityEvent.Type switch
    {
        SecurityEventTypes.RequestBlocked or SecurityEventTypes.ResponseBlocked => new(2004, "Detection Finding", 2, Severity.High),
        SecurityEventTypes.RequestRedacted or SecurityEventTypes.ResponseRedacted => new(2004, "Detection Finding", 2, Severity.Low),
        SecurityEventTypes.InspectionFailed => new(2004, "Detection Finding", 2, Severity.Medium),
        SecurityEventTypes.AuthenticationThrottled or SecurityEventTypes.VerificationLocked => new(3002, "Authentication", 3, Severity.High),
        SecurityEventTypes.AuthenticationFailed or SecurityEventTypes.VerificationFailed => new(3002, "Authentication", 3, Severity.Medium),
        SecurityEventTypes.VerificationSucceeded => new(3002, "Authentication", 3, Severity.Informational),
        SecurityEventTypes.AuthorizationDenied or SecurityEventTypes.ToolCallRefused => new(6003, "API Activity", 6, Severity.Medium),
        SecurityEventTypes.LimitExceeded or SecurityEventTypes.LimitStoreUnavailable => new(6003, "API Activity", 6, Severity.Medium),
        _ => new(6003, "API Activity", 6, Severity.Informational),
    };

    /// <summary>OCSF severity_id values.</summary>
    public static class Severity
    {
        public const int Informational = 1;
        public const int Low = 2;
        public const int Medium = 3;
        public const int High = 4;
    }
}
