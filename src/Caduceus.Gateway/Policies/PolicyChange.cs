namespace Caduceus.Gateway.Policies;

/// <summary>One recorded policy change: who, when, the hashes of the policy before and after, and the line diff.</summary>
public sealed record PolicyChange(string Application, string ChangedBy, DateTimeOffset ChangedAt, string BeforeHash, string AfterHash, string Diff);
