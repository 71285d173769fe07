namespace Caduceus.Gateway.WebConsole.AuditView;

/// <summary>What the audit page's search form asked for, echoed back into the form.</summary>
public sealed record AuditFilter(string? Identity, string? Application, string? Decision, string? EventId);
