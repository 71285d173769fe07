namespace Caduceus.Gateway.Compliance;

/// <summary>The gateway keeps no scheduled drill results yet: every control that needs them is a gap.</summary>
internal sealed class NoDrillResultEvidence : IDrillResultEvidence
{
    public Task<SourceRead<DrillResultSummary>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(SourceRead<DrillResultSummary>.Unreadable("no scheduled drill results: this gateway does not record drill scores"));
}
