namespace Caduceus.Gateway.WebConsole.Playground;

/// <summary>
/// A stretch of the analysed text: plain, or a finding (type, what policy would do) whose text is the value only
/// when it may be revealed, else a mask such as <c>[SSN]</c>.
/// </summary>
public sealed record PlaygroundSegment(string Text, string? EntityType = null, string? Action = null);
