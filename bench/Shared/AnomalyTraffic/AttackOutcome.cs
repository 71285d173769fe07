namespace Caduceus.Bench.AnomalyTraffic;

/// <summary>How an attack mixed into normal traffic fared: the 1-based attack request that was first flagged (null if none), and by what.</summary>
internal sealed record AttackOutcome(string Attack, int Requests, int? FlaggedAtRequest, string? FirstMetric, string? FirstDimension, int FalseAnomalies);
