namespace Caduceus.RedTeam.Scorecards;

/// <summary>One attack under one mutation: whether it was stopped and why. Holds no answer text.</summary>
public sealed record AttackResult(string Id, string Category, string Mutation, bool Stopped, string Reason, int? Status, long Milliseconds);
