namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// What anomaly detection learns from one request: who, when, how much PHI, which patients (as keyed hashes of
/// identifying values, never the values), whether it was refused and how many tokens it used.
/// </summary>
/// <param name="Time">When the request started.</param>
/// <param name="KeyId">The caller's key id or identity, when known.</param>
/// <param name="Application">The caller's application, when known.</param>
/// <param name="ConversationHash">A keyed hash of the caller's conversation id, when it sent one.</param>
/// <param name="PhiEntities">How many PHI findings the request carried.</param>
/// <param name="PatientHashes">Distinct keyed hashes of patient-identifying values (MRN, name, SSN, ...).</param>
/// <param name="Refused">Whether the gateway refused or blocked the request.</param>
/// <param name="Tokens">Total tokens the model reported, zero when unknown.</param>
internal sealed record RequestObservation(
    DateTimeOffset Time,
    string? KeyId,
    string? Application,
    string? ConversationHash,
    int PhiEntities,
    IReadOnlyCollection<string> PatientHashes,
    bool Refused,
    long Tokens);
