namespace Caduceus.Gateway.ThreatIntel;

/// <summary>What became of the objects of one TAXII page.</summary>
internal sealed class StixObjectCounts
{
    public int Imported { get; set; }

    public int Unsupported { get; set; }

    public int Malformed { get; set; }

    public int Ignored { get; set; }

    public void Count(StixIndicatorOutcome outcome)
    {
        switch (outcome)
        {
            case StixIndicatorOutcome.Imported: Imported++; break;
            case StixIndicatorOutcome.Unsupported: Unsupported++; break;
            case StixIndicatorOutcome.Malformed: Malformed++; break;
            default: Ignored++; break;
        }
    }
}
