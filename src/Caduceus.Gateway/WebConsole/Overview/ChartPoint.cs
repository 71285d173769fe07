namespace Caduceus.Gateway.WebConsole.Overview;

/// <summary>One labelled value of a chart.</summary>
public sealed record ChartPoint(string Label, double Value);
