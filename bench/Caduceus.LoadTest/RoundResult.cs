namespace Caduceus.LoadTest;

/// <summary>One target measured in one round of a <c>--compare</c> run (rounds count from 1).</summary>
internal sealed record RoundResult(int Round, ScenarioResult Result);
