namespace Caduceus.Bench.AnomalyTraffic;

/// <summary>
/// One key of the simulated clinic and how it is used: how many sessions (a call, a portal chat, a patient seen)
/// start in a peak hour, how many requests a session makes, how much PHI and how many tokens they carry.
/// </summary>
internal sealed record ClinicSource(
    string KeyId,
    string Application,
    double PeakSessionsPerHour,
    int MinRequestsPerSession,
    int MaxRequestsPerSession,
    TimeSpan MeanGapBetweenRequests,
    int MaxPhiPerRequest,
    double MeanTokens,
    bool UsesConversations,
    double ChanceOfDayOff);
