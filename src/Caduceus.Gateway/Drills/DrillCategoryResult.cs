namespace Caduceus.Gateway.Drills;

/// <summary>One OWASP category of a scheduled drill: attacks sent and stopped, the stopped rate and the minimum it was held to.</summary>
public sealed record DrillCategoryResult(string Title, int Attempts, int Stopped, double StoppedRate, double Minimum);
