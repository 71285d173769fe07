namespace Caduceus.Gateway.Anomaly;

/// <summary>How samples update a baseline: EWMA weight, clipping once warm, and what counts as warm.</summary>
internal sealed record FoldSettings(double Alpha, double ClipDeviations, int WarmUpSamples);
