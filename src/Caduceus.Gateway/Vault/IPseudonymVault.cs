using Caduceus.Detection.Anonymization;

namespace Caduceus.Gateway.Vault;

/// <summary>
/// Keeps the pseudonyms of each conversation (scope) for a while, so that a token issued in one request means the
/// same value in the next and in the model's answers, and nobody who reads the store learns the values.
/// </summary>
/// <remarks>
/// Use: <see cref="OpenScopeAsync"/> loads the scope's live pseudonyms; the request's texts are pseudonymized in it
/// (<see cref="PseudonymizeOperator"/>, which may issue new tokens in memory); <see cref="TryCommitAsync"/> stores the
/// new tokens and extends the scope's life by <see cref="VaultOptions.TimeToLive"/>; the answer is restored from the
/// same <see cref="AnonymizationScope"/>. <see cref="PseudonymVaultExtensions.PseudonymizeAsync{T}"/> runs these
/// steps and retries when a concurrent request in the same scope committed first. The scope id must be derived from
/// the authenticated caller (application, key, conversation), never taken from the client as is.
/// </remarks>
public interface IPseudonymVault
{
    /// <summary>The scope with the pseudonyms it holds that have not expired.</summary>
    /// <exception cref="PseudonymVaultException">Stored pseudonyms cannot be read (wrong key, tampered row).</exception>
    ValueTask<AnonymizationScope> OpenScopeAsync(string scopeId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the pseudonyms issued in <paramref name="scope"/> since it was opened and extends the scope's life.
    /// Idempotent. False, with nothing stored, when a concurrent writer issued a conflicting pseudonym meanwhile
    /// (the same token for another value, or another token for the same value): open the scope again and redo.
    /// </summary>
    /// <exception cref="PseudonymVaultException">The vault cannot be written with this key.</exception>
    ValueTask<bool> TryCommitAsync(AnonymizationScope scope, CancellationToken cancellationToken);

    /// <summary>Deletes every expired pseudonym; returns how many went.</summary>
    ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}
