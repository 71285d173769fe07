using System.Diagnostics;
using System.Globalization;

namespace Caduceus.LoadTest.Receivers;

/// <summary>
/// The loopback receivers of a <c>--compare exporters</c> run and the gateway settings that point every exporter
/// <c>Siem:</c> supports at them (Azure Monitor aside: it needs an Entra ID token endpoint as well).
/// </summary>
internal sealed class SiemReceivers : IAsyncDisposable
{
    private readonly SyslogTcpReceiver? _tcp;
    private readonly SyslogUdpReceiver? _udp;
    private readonly HttpEventReceiver _http;

    public SiemReceivers(SyslogProtocolChoice syslog, ReadOnlySpan<byte> forbidden)
    {
        if (syslog == SyslogProtocolChoice.Tcp)
        {
            _tcp = new SyslogTcpReceiver(forbidden);
        }
        else
        {
            _udp = new SyslogUdpReceiver(forbidden);
        }

        _http = new HttpEventReceiver(FreePorts.Take(1)[0], forbidden);
    }

    public SyslogProtocolChoice Syslog => _tcp is not null ? SyslogProtocolChoice.Tcp : SyslogProtocolChoice.Udp;

    /// <summary>Every tally, the ones that must see every event first.</summary>
    public IReadOnlyList<ReceivedTally> Tallies =>
        [_tcp?.Tally ?? _udp!.Tally, _http.Splunk, _http.Elastic, _http.OtlpLogs, _http.OtlpTraces, _http.OtlpMetrics];

    /// <summary>The lossless exporters (queue and spill file): each must receive every event.</summary>
    public IReadOnlyList<ReceivedTally> Lossless => _tcp is null ? [_http.Splunk, _http.Elastic] : [_tcp.Tally, _http.Splunk, _http.Elastic];

    /// <summary>Configuration for the exporters variant, as the gateway reads it from its environment.</summary>
    public IReadOnlyDictionary<string, string> GatewayEnvironment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CADUCEUS_Siem__Syslog__Host"] = "127.0.0.1",
        ["CADUCEUS_Siem__Syslog__Port"] = (_tcp?.Port ?? _udp!.Port).ToString(CultureInfo.InvariantCulture),
        ["CADUCEUS_Siem__Syslog__Protocol"] = _tcp is not null ? "Tcp" : "Udp",
        ["CADUCEUS_Siem__Splunk__Url"] = _http.BaseAddress.ToString(),
        ["CADUCEUS_Siem__Splunk__Token"] = "loadtest-not-a-secret",
        ["CADUCEUS_Siem__Elastic__Url"] = _http.BaseAddress.ToString(),
        ["CADUCEUS_Siem__Otlp__Endpoint"] = _http.BaseAddress.ToString(),
        // One second rather than ten, so that the run can wait for the last batch; it costs more, not less.
        ["CADUCEUS_Siem__Otlp__ExportInterval"] = "00:00:01",
    };

    /// <summary>
    /// Waits until every lossless receiver has at least <paramref name="expected"/> events, or until their counts stop
    /// moving for two seconds, at most <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForAsync(long expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var last = -1L;
        var still = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && Lossless.Any(t => t.Events < expected))
        {
            var now = Lossless.Sum(t => t.Events);
            if (now != last)
            {
                last = now;
                still.Restart();
            }
            else if (still.Elapsed > TimeSpan.FromSeconds(2))
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        // OTLP batches on its own interval: give its last one a moment.
        await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_tcp is not null)
        {
            await _tcp.DisposeAsync();
        }

        if (_udp is not null)
        {
            await _udp.DisposeAsync();
        }

        await _http.DisposeAsync();
    }
}
