using System.Globalization;
using Caduceus.Events;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Caduceus.Cli.Commands.Monitor;

/// <summary>Draws a <see cref="MonitorFrame"/> with Spectre.Console: traffic, refusals, detections, anomalies and incidents.</summary>
internal static class MonitorView
{
    public static IRenderable Render(MonitorFrame frame, Uri gateway)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var traffic = new Table().Title("Traffic").AddColumns("Requests", "Per second", "2xx", "4xx", "5xx", "p50", "p99");
        traffic.AddRow(
            Number(frame.RequestsTotal),
            frame.RequestsPerSecond is { } rate ? rate.ToString("0.0", CultureInfo.InvariantCulture) : "-",
            Number(frame.RequestsByStatusClass.GetValueOrDefault("2xx")),
            Number(frame.RequestsByStatusClass.GetValueOrDefault("4xx")),
            Number(frame.RequestsByStatusClass.GetValueOrDefault("5xx")),
            Milliseconds(frame.LatencyP50Seconds),
            Milliseconds(frame.LatencyP99Seconds));

        var refusals = new Table().Title("Refusals").AddColumns("Event", "Code", "Count");
        foreach (var (type, code, count) in frame.Refusals.Take(10))
        {
            refusals.AddRow(Markup.Escape(type), Markup.Escape(code), Number(count));
        }

        var detections = new Table().Title("Detections").AddColumns("Entity type", "Count");
        foreach (var (entityType, count) in frame.Detections.Take(10))
        {
            detections.AddRow(Markup.Escape(entityType), Number(count));
        }

        var alerts = new Table().Title("Anomalies and incidents (latest)").AddColumns("Time (UTC)", "Event", "Code", "Subject", "Detail");
        foreach (var alert in frame.Alerts.TakeLast(10).Reverse())
        {
            alerts.AddRow(
                alert.Time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                Markup.Escape(alert.Type),
                Markup.Escape(alert.Code ?? "-"),
                Markup.Escape(alert.Principal ?? alert.Application ?? "-"),
                Markup.Escape(Detail(alert)));
        }

        var header = new Markup($"[bold]Caduceus monitor[/] {Markup.Escape(gateway.ToString())}  {frame.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC");
        return new Rows(header, traffic, new Columns(refusals, detections), alerts);
    }

    /// <summary>Whether the monitor shows <paramref name="type"/> as an alert.</summary>
    public static bool IsAlert(string type) =>
        type == SecurityEventTypes.AnomalyDetected || type.StartsWith("incident.", StringComparison.Ordinal);

    private static string Detail(Gateway.Events.MonitorEvent alert) => alert.Anomaly is { } anomaly
        ? string.Create(CultureInfo.InvariantCulture, $"{anomaly.Metric} {anomaly.Observed:0.##} vs baseline {(anomaly.BaselineMean is { } mean ? mean.ToString("0.##", CultureInfo.InvariantCulture) : "-")} (score {anomaly.Score:0.#})")
        : "";

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Milliseconds(double? seconds) =>
        seconds is { } s ? (s * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "-";
}
