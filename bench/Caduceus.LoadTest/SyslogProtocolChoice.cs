namespace Caduceus.LoadTest;

/// <summary>How the exporters variant sends syslog: TCP is lossless (every event must arrive), UDP best effort.</summary>
internal enum SyslogProtocolChoice
{
    Tcp,
    Udp,
}
