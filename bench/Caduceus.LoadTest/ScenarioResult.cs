namespace Caduceus.LoadTest;

/// <summary>
/// What one target at one concurrency did during the measured window. Instances: the gateways running in this phase
/// (for "direct", those idling beside the test model). ErrorRate: errors / requests, from 0 to 1, an error being an
/// answer other than the scenario's expected status, or none. GatewayCores: CPU seconds per second that the gateway
/// processes used together. EventRequests: answered requests, warm-up included, for which the gateway raised a security
/// event (what SIEM receivers must then count).
/// </summary>
internal sealed record ScenarioResult(
    string Target,
    int Instances,
    int Concurrency,
    double DurationSeconds,
    long Requests,
    long Errors,
    double ErrorRate,
    string? FirstError,
    double ThroughputPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    double? GatewayCpuMsPerRequest,
    double ModelCpuMsPerRequest,
    double ClientCpuMsPerRequest,
    double GatewayCores,
    double? OtherProcessesCores,
    long EventRequests = 0);
