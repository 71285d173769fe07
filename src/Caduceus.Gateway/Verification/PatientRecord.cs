namespace Caduceus.Gateway.Verification;

/// <summary>
/// What the gateway knows about a patient from the practice's directory: enough to verify a caller and to recognise
/// the caller's own identifiers in an answer. Held in memory only.
/// </summary>
public sealed record PatientRecord(
    string Id,
    string Name,
    DateOnly DateOfBirth,
    string? Phone = null,
    string? Email = null,
    string? Address = null,
    IReadOnlyList<string>? Identifiers = null)
{
    /// <summary>The record's identifiers (MRN, member id, ...), never null.</summary>
    public IReadOnlyList<string> OtherIdentifiers => Identifiers ?? [];

    /// <summary>Never prints the record's values: a record must not end up in a log by accident.</summary>
    public override string ToString() => $"PatientRecord {{ Id = {Id} }}";
}
