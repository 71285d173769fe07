namespace Caduceus.Evaluation.Bias;

/// <summary>Puts one variant to the audited system (a target over HTTP, or the detectors in-process) and records what happened.</summary>
public interface IBiasProbe
{
    /// <summary><c>detectors</c> or <c>target</c>: what the report says was audited.</summary>
    string Mode { get; }

    Task<BiasObservation> ObserveAsync(BiasVariant variant, CancellationToken cancellationToken);
}
