namespace Caduceus.Gateway.Policies;

/// <summary>An application's policy as set at the console, replacing the configured one while it exists.</summary>
public sealed record PolicyOverride(string Application, string PolicyText, string PolicyHash, string ChangedBy, DateTimeOffset ChangedAt);
