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

    /// <summary>The policy for one direction.</summary>
    public DirectionPolicy For(Direction direction) => direction == Direction.Request ? Request : Response;
}
