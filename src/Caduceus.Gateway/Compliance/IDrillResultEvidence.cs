namespace Caduceus.Gateway.Compliance;

/// <summary>Where scheduled drill results come from. Until the drill scheduler provides them, <see cref="NoDrillResultEvidence"/> reports none.</summary>
internal interface IDrillResultEvidence
{
    Task<SourceRead<DrillResultSummary>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
