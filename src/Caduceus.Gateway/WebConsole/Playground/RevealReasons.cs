namespace Caduceus.Gateway.WebConsole.Playground;

/// <summary>
/// Why a privacy officer reveals PHI values, from a fixed list so the audit record holds a reason and never free
/// text (which could itself carry PHI).
/// </summary>
public static class RevealReasons
{
    public static IReadOnlyList<(string Code, string Label)> All { get; } =
    [
        ("incident_investigation", "Investigating an incident"),
        ("false_positive_review", "Reviewing a possible false positive"),
        ("patient_request", "A patient's request about their own data"),
        ("legal_request", "A legal or regulatory request"),
    ];

    public static bool IsKnown(string? code) => All.Any(reason => reason.Code == code);
}
