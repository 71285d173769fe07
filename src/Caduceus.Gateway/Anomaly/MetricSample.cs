namespace Caduceus.Gateway.Anomaly;

/// <summary>One value of one metric to fold into a baseline, with the deviation floor its clipping uses.</summary>
internal readonly record struct MetricSample(string Metric, double Value, double DeviationFloor);
