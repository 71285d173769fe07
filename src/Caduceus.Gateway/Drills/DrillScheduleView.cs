namespace Caduceus.Gateway.Drills;

/// <summary>A schedule as the admin API and console show it: its settings, when it runs next, whether it is running, and its last result.</summary>
public sealed record DrillScheduleView(
    string Name,
    string Cron,
    string Application,
    IReadOnlyList<string> Suites,
    double MinimumStoppedRate,
    IReadOnlyDictionary<string, double> MinimumStoppedRates,
    double MaxBenignRefusedRate,
    DateTimeOffset? NextRunAt,
    bool Running,
    DrillResult? LastResult);
