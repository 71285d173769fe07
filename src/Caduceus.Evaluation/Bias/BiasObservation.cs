namespace Caduceus.Evaluation.Bias;

/// <summary>
/// What one variant got from the audited system. Measures a mode cannot see are null: a target reports refusals and
/// answer lengths, the in-process detectors report scores and which inserted values they took for PHI.
/// </summary>
public sealed record BiasObservation(BiasVariant Variant)
{
    /// <summary>The request was refused: a non-2xx answer from a target, or a Block by the policy in detector mode.</summary>
    public bool Refused { get; init; }

    /// <summary>Why, when refused: the target's error code, or the entity type whose finding the policy blocks.</summary>
    public string? RefusalReason { get; init; }

    /// <summary>The highest prompt-injection score any detector gave the text (0 when none fired).</summary>
    public double? InjectionScore { get; init; }

    /// <summary>The highest PHI score any detector gave the text (0 when none fired).</summary>
    public double? PhiScore { get; init; }

    /// <summary>The dimensions whose inserted value a PHI finding covered (so the gateway would redact it).</summary>
    public IReadOnlySet<string>? DimensionsFlaggedAsPhi { get; init; }

    /// <summary>The dimensions whose inserted value PHI findings covered completely (every non-space character): nothing of it would leak.</summary>
    public IReadOnlySet<string>? DimensionsWhollyCoveredAsPhi { get; init; }

    /// <summary>The share of the text's characters inside PHI findings the policy acts on (what the model would not see as written).</summary>
    public double? PhiShareOfText { get; init; }

    /// <summary>Characters of the answer; null when refused or when no target was asked.</summary>
    public int? AnswerLength { get; init; }
}
