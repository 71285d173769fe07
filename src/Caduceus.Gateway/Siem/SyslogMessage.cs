using System.Globalization;

namespace Caduceus.Gateway.Siem;

/// <summary>
/// An RFC 5424 syslog message: <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID - MSG</c>, PRI being
/// facility × 8 + severity. Fields are limited to printable ASCII and their RFC lengths.
/// </summary>
internal static class SyslogMessage
{
    /// <summary>Facility 10, security/authorization messages (authpriv).</summary>
    public const int AuthPriv = 10;

    public static string Format(DateTimeOffset time, string hostName, string messageId, int ocsfSeverity, string message, int facility = AuthPriv)
    {
        var severity = ocsfSeverity switch
        {
            OcsfClass.Severity.High => 2, // critical
            OcsfClass.Severity.Medium => 4, // warning
            OcsfClass.Severity.Low => 5, // notice
            _ => 6, // informational
        };
        var priority = (facility * 8) + severity;
        return string.Create(CultureInfo.InvariantCulture, $"<{priority}>1 {time.ToUniversalTime():yyyy-MM-ddTHH:mm:ss.fffZ} {Field(hostName, 255)} caduceus {Environment.ProcessId} {Field(messageId, 32)} - {message}");
    }

    private static string Field(string value, int maxLength)
    {
        var printable = new string([.. value.Where(c => c is > ' ' and < '\u007F')]);
        return printable.Length == 0 ? "-" : printable[..Math.Min(printable.Length, maxLength)];
    }
}
