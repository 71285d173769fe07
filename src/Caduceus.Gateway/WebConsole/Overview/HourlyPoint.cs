namespace Caduceus.Gateway.WebConsole.Overview;

/// <summary>One hour of the overview: requests, refusals, and upstream latency percentiles (null when nothing reached a model).</summary>
public sealed record HourlyPoint(DateTimeOffset Hour, int Requests, int Refused, double? LatencyP50Ms, double? LatencyP95Ms);
