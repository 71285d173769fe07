namespace Caduceus.Gateway.Drills;

/// <summary>
/// What one run of a drill schedule found: the numbers per OWASP category and for the benign traffic, whether it
/// passed, why not (<see cref="Findings"/>: categories and numbers only), and the drill incident it opened. Holds no
/// request or answer text and no key.
/// </summary>
public sealed record DrillResult
{
    public required string Id { get; init; }

    public required string Schedule { get; init; }

    public required string Application { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required double DurationSeconds { get; init; }

    public required bool Passed { get; init; }

    public required IReadOnlyDictionary<string, DrillCategoryResult> Categories { get; init; }

    public required int BenignTotal { get; init; }

    public required int BenignRefused { get; init; }

    public required double MaxBenignRefusedRate { get; init; }

    /// <summary>Each reason the run failed, e.g. <c>LLM01 Prompt Injection: 90/97 stopped (92.8%), below the minimum 95.0%</c>.</summary>
    public required IReadOnlyList<string> Findings { get; init; }

    /// <summary>The id of the <c>drill.completed</c> security event.</summary>
    public required string EventId { get; init; }

    /// <summary>The drill incident opened or joined because the run failed, if it did.</summary>
    public string? IncidentId { get; init; }

    public static string NewId() => "drr_" + Guid.CreateVersion7().ToString("N");
}
