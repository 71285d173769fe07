namespace Caduceus.Gateway.ThreatIntel;

/// <summary>A TAXII server answered something other than a TAXII 2.1 envelope. The message names no credential.</summary>
internal sealed class TaxiiFeedException(string message) : Exception(message);
