namespace Caduceus.Gateway.Siem.Otlp;

/// <summary>
/// OpenTelemetry (OTLP over HTTP/protobuf) export of metrics, request traces and security events as log records
/// (<c>Siem:Otlp</c>); off until Endpoint is set.
/// </summary>
public sealed class OtlpOptions
{
    /// <summary>The collector's base address, e.g. <c>https://collector.example.org:4318</c>; signals go to <c>/v1/metrics</c>, <c>/v1/traces</c>, <c>/v1/logs</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Extra headers as <c>key=value,key2=value2</c> (e.g. an API key); set it through <c>CADUCEUS_Siem__Otlp__Headers</c>.</summary>
    public string? Headers { get; set; }

    /// <summary>How often metrics are exported, and the longest a span or log record waits in its batch.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);
}
