namespace Caduceus.Gateway.WebConsole.Playground;

/// <summary>One finding as the playground lists it: never the value, only where it is.</summary>
public sealed record PlaygroundFinding(string EntityType, string Category, int Start, int End, double Score, string Action, string Detector, string Explanation);
