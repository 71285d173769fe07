using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>Log lines for admin MFA changes: key ids, factor ids and session handles only, never codes, seeds or tokens.</summary>
internal sealed partial class AdminMfaLog(ILogger<AdminMfaLog> logger)
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Admin {KeyId} enrolled {Kind} factor {FactorId}")]
    public partial void FactorEnrolled(string keyId, string kind, string factorId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Admin {KeyId} removed factor {FactorId}")]
    public partial void FactorRemoved(string keyId, string factorId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Admin {KeyId} opened session {Session} with factor {FactorId}")]
    public partial void SessionOpened(string keyId, string session, string factorId);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Admin {KeyId} stepped up session {Session} with factor {FactorId}")]
    public partial void SteppedUp(string keyId, string session, string factorId);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Admin {KeyId} ended session {Session}")]
    public partial void SessionEnded(string keyId, string session);
}
