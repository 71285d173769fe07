namespace Caduceus.Gateway.WebConsole.Playground;

/// <summary>The playground page: the form's choices and, after an analysis, the highlighted text and the findings.</summary>
public sealed record PlaygroundModel(
    IReadOnlyList<string> Applications,
    string Application,
    IReadOnlyList<PlaygroundSegment>? Segments,
    IReadOnlyList<PlaygroundFinding> Findings,
    bool Revealed,
    string? Message);
