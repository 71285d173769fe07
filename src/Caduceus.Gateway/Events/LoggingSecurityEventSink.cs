using Caduceus.Events;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Events;

/// <summary>Writes each security event as one structured log line. Events carry no PHI, so neither does the line.</summary>
internal sealed partial class LoggingSecurityEventSink(ILogger<LoggingSecurityEventSink> logger) : ISecurityEventSink
{
    public void Publish(SecurityEvent securityEvent)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var entities = string.Join(',', securityEvent.EntityCounts.Select(pair => $"{pair.Key}={pair.Value}"));
        LogSecurityEvent(logger, securityEvent.Id, securityEvent.Type, securityEvent.Code, securityEvent.Application, securityEvent.Principal, entities);
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Security event {EventId} {EventType} code={Code} app={Application} principal={Principal} entities={Entities}")]
    private static partial void LogSecurityEvent(ILogger logger, string eventId, string eventType, string? code, string? application, string? principal, string entities);
}
