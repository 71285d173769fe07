namespace Caduceus.RedTeam.Attacks;

/// <summary>
/// One attack from the library: what the attacker controls (<see cref="Payload"/>), how it reaches the model, and what
/// shows it worked. Mutators rewrite the payload; everything else stays as written.
/// </summary>
/// <param name="Id">A stable, readable id, e.g. <c>llm07-translate-instructions</c>.</param>
/// <param name="Category">The OWASP id (<see cref="OwaspCategory"/>).</param>
/// <param name="Technique">A short label such as <c>direct</c>, <c>jailbreak</c>, <c>indirect-document</c>.</param>
/// <param name="Payload">The attacker's text.</param>
/// <param name="Evidence">What shows success.</param>
public sealed record Attack(string Id, string Category, string Technique, string Payload, Evidence Evidence)
{
    public Delivery Delivery { get; init; } = Delivery.Direct;

    /// <summary>The same attack written in Spanish, for the translation mutator; null when there is none.</summary>
    public string? Spanish { get; init; }

    /// <summary>Tools the request offers the model (by function name).</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>The host whose appearance in the answer is the evidence for <see cref="Evidence.AttackerUrl"/>.</summary>
    public string? AttackerHost { get; init; }

    public bool Stream { get; init; }

    public int? MaxTokens { get; init; }

    /// <summary>Pads the payload with clinic-note filler to this many characters (oversized prompts).</summary>
    public int PadToCharacters { get; init; }

    /// <summary>Sends the payload as this many separate user messages (message floods).</summary>
    public int RepeatAsMessages { get; init; } = 1;

    /// <summary>False for attacks whose point is their size or shape; mutators leave them alone.</summary>
    public bool Mutable { get; init; } = true;
}
