namespace Caduceus.Gateway.Compliance;

/// <summary>Workforce security-awareness training as its records show it (HIPAA 164.308(a)(5)): counts only, no names.</summary>
internal sealed record TrainingSummary(int People, int Current, int Overdue, DateTimeOffset? LastCompletedAt);
