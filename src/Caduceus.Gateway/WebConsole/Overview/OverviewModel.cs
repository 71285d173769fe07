namespace Caduceus.Gateway.WebConsole.Overview;

/// <summary>What the overview page shows, computed from the newest window of the audit trail.</summary>
public sealed record OverviewModel(
    int RecordsRead,
    DateTimeOffset? Since,
    int Requests,
    int Refused,
    IReadOnlyList<HourlyPoint> Hours,
    IReadOnlyList<ChartPoint> RefusalsByReason,
    IReadOnlyList<ChartPoint> DetectionsByType);
