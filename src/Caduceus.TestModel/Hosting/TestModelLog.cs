using Microsoft.Extensions.Logging;

namespace Caduceus.TestModel.Hosting;

/// <summary>
/// The server's log lines. None carries message text or request bodies: requests to a healthcare model may hold PHI.
/// </summary>
internal static partial class TestModelLog
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Answering with script rule {RuleIndex} (null: echo), stream {Stream}")]
    public static partial void Answering(ILogger logger, int? ruleIndex, bool stream);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Rejected chat completion request: {ErrorCode} (param {Param})")]
    public static partial void Rejected(ILogger logger, string? errorCode, string? param);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Chat completion ended early: the client disconnected or the server is stopping")]
    public static partial void EndedEarly(ILogger logger);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "A script rule pattern timed out after {Timeout}: {Pattern}")]
    public static partial void RuleTimedOut(ILogger logger, TimeSpan timeout, string pattern);
}
