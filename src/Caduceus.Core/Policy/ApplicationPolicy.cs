namespace Caduceus.Policy;

/// <summary>The policy of one protected application, for requests and answers separately.</summary>
public sealed class ApplicationPolicy
{
    /// <summary>Text going to the model: block injections, redact PHI.</summary>
    public DirectionPolicy Request { get; set; } = new();

    /// <summary>
    /// Text coming back from the model: redact PHI. Injection-like text in an answer is not an attack on this
    /// model, so it passes by default.
    /// </summary>
    public DirectionPolicy Response { get; set; } = new() { Injection = PolicyAction.Allow };

    /// <summary>
    /// Whether pseudonym tokens in the model's answers (<c>&lt;NAME_1&gt;</c>) are turned back into the real values
    /// for this application's callers. Off by default: re-identification is for those entitled to it.
    /// </summary>
    public bool RestorePseudonyms { get; set; }

    /// <summary>
    /// Whether the gateway plants a secret canary token in the system prompt and withholds any answer that repeats it
    /// (the model leaking its instructions). On by default.
    /// </summary>
    public bool CanaryTokens { get; set; } = true;

    /// <summary>The policy for one direction.</summary>
    public DirectionPolicy For(Direction direction) => direction == Direction.Request ? Request : Response;
}
