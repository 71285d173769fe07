namespace Caduceus.RedTeam.Running;

/// <summary>
/// What a target answered to one drill request, reduced to what the judges need. The answer text is kept in memory
/// for judging only; it is never written to a scorecard.
/// </summary>
internal sealed record TargetReply
{
    /// <summary>The HTTP status, or null when no response arrived.</summary>
    public int? Status { get; init; }

    /// <summary>The refusal's error code (OpenAI <c>error.code</c>, a problem's <c>code</c>, or a stream error event's).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>True when the target refused: a non-2xx status, an error event in the stream, or no response.</summary>
    public bool Refused { get; init; }

    public string Content { get; init; } = "";

    public IReadOnlyList<(string Name, string Arguments)> ToolCalls { get; init; } = [];

    /// <summary>The answer grew past the drill's answer budget.</summary>
    public bool TooLarge { get; init; }

    /// <summary>The answer was still arriving when the drill's time budget ran out.</summary>
    public bool HeldOpen { get; init; }

    public TimeSpan Elapsed { get; init; }
}
