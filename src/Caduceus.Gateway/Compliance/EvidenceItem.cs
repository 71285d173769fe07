namespace Caduceus.Gateway.Compliance;

/// <summary>One fact behind a control's status: a setting and its value, or a count read from the gateway's records. Never PHI or key material.</summary>
public sealed record EvidenceItem(string Name, string Value);
