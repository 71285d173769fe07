using OpenTelemetry.Exporter;

namespace Caduceus.Gateway.Siem.Otlp;

/// <summary>Points an OTLP exporter at one signal's path under <see cref="OtlpOptions.Endpoint"/>.</summary>
internal static class OtlpSignals
{
    public const string ServiceName = "caduceus-gateway";

    public static void Configure(OtlpExporterOptions exporter, OtlpOptions options, string signalPath)
    {
        exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = new Uri(SiemHttp.WithTrailingSlash(options.Endpoint!), signalPath);
        if (options.Headers is { Length: > 0 } headers)
        {
            exporter.Headers = headers;
        }
    }

    public static int IntervalMilliseconds(OtlpOptions options) => (int)Math.Clamp(options.ExportInterval.TotalMilliseconds, 100, int.MaxValue);
}
