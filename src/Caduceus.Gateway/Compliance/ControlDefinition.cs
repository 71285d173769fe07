namespace Caduceus.Gateway.Compliance;

/// <summary>A control or risk of a framework, by its own id (e.g. <c>164.312(b)</c>, <c>LLM01</c>, <c>GOVERN 1.6</c>).</summary>
public sealed record ControlDefinition(string Id, string Title);
