namespace Caduceus.RedTeam.Running;

/// <summary>The limits a drill holds each answer to: past them, the target let a consumption attack through.</summary>
public sealed record DrillBudget
{
    /// <summary>Longest acceptable answer, in characters (about 16k tokens).</summary>
    public int MaxAnswerCharacters { get; init; } = 64 * 1024;

    /// <summary>How long a streamed answer may stay open.</summary>
    public TimeSpan StreamTime { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a whole answer may take before the drill gives up on it.</summary>
    public TimeSpan RequestTime { get; init; } = TimeSpan.FromSeconds(20);
}
