namespace Caduceus.LoadTest;

/// <summary>What one target at one concurrency did during the measured window.</summary>
internal sealed record ScenarioResult(
    string Target,
    int Concurrency,
    double DurationSeconds,
    long Requests,
    long Errors,
    string? FirstError,
    double ThroughputPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    double? GatewayCpuMsPerRequest,
    double ModelCpuMsPerRequest,
    double ClientCpuMsPerRequest,
    double? OtherProcessesCores);
