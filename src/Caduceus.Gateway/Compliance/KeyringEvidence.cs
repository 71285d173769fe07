using Caduceus.Gateway.Encryption;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Encryption at rest as stored and configured: the data keys (never their material), the master key's id and where
/// it comes from, whether it is kept apart from the data directory, or why it could not be loaded.
/// </summary>
internal sealed record KeyringEvidence(
    IReadOnlyList<DataKeyStatus> DataKeys,
    string? MasterKeyId,
    string MasterKeySource,
    bool MasterKeyKeptApart,
    string? MasterKeyProblem);
