using System.Globalization;
using System.Text;
using Caduceus.Events;

namespace Caduceus.Gateway.Siem;

/// <summary>
/// ArcSight Common Event Format: <c>CEF:0|Vendor|Product|Version|SignatureID|Name|Severity|Extension</c>, with the
/// escaping the format requires (pipes and backslashes in the header; backslashes, equals signs and line breaks in
/// extension values). Security events carry types and counts only, so nothing here can hold PHI.
/// </summary>
internal static class CefFormatter
{
    public static string Format(SecurityEvent securityEvent, string productVersion)
    {
        ArgumentNullException.ThrowIfNull(securityEvent);
        var ocsf = OcsfClass.Of(securityEvent);
        var header = string.Join('|',
            "CEF:0",
            Header("Caduceus"),
            Header("Caduceus Gateway"),
            Header(productVersion),
            Header(securityEvent.Type),
            Header(ocsf.ClassName + ": " + securityEvent.Type + (securityEvent.Code is null ? string.Empty : " (" + securityEvent.Code + ")")),
            CefSeverity(ocsf.SeverityId).ToString(CultureInfo.InvariantCulture));

        var extension = new StringBuilder();
        Add(extension, "rt", securityEvent.Time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Add(extension, "externalId", securityEvent.Id);
        Add(extension, "outcome", securityEvent.Code);
        Add(extension, "suser", securityEvent.Principal);
        Add(extension, "request", securityEvent.Route);
        Add(extension, "cs1Label", "application");
        Add(extension, "cs1", securityEvent.Application);
        Add(extension, "cs2Label", "entity_counts");
        Add(extension, "cs2", string.Join(',', securityEvent.EntityCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}")));
        Add(extension, "cs3Label", "detectors");
        Add(extension, "cs3", string.Join(',', securityEvent.Detectors));
        Add(extension, "cn1Label", "ocsf_class_uid");
        Add(extension, "cn1", ocsf.ClassUid.ToString(CultureInfo.InvariantCulture));
        if (securityEvent.Source is { } source)
        {
            Add(extension, "cs6Label", "source_hash");
            Add(extension, "cs6", source);
        }

        if (securityEvent.Anomaly is { } anomaly)
        {
            Add(extension, "cs4Label", "anomaly_metric");
            Add(extension, "cs4", anomaly.Metric);
            Add(extension, "cs5Label", "anomaly_subject");
            Add(extension, "cs5", anomaly.Dimension + ":" + anomaly.Subject);
            Add(extension, "cfp1Label", "anomaly_observed");
            Add(extension, "cfp1", Number(anomaly.Observed));
            Add(extension, "cfp2Label", "anomaly_baseline");
            Add(extension, "cfp2", anomaly.BaselineMean is { } mean ? Number(mean) : null);
            Add(extension, "cfp3Label", "anomaly_score");
            Add(extension, "cfp3", Number(anomaly.Score));
        }

        return header + "|" + extension.ToString().TrimEnd();
    }

    // OCSF 1-4 onto CEF's 0-10 scale.
    private static int CefSeverity(int ocsfSeverity) => ocsfSeverity switch
    {
        OcsfClass.Severity.Informational => 1,
        OcsfClass.Severity.Low => 3,
        OcsfClass.Severity.Medium => 5,
        _ => 8,
    };

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Header(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static void Add(StringBuilder extension, string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("=", "\\=", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        extension.Append(key).Append('=').Append(escaped).Append(' ');
    }
}
