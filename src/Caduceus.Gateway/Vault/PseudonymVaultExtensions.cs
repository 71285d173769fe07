using Caduceus.Detection.Anonymization;

namespace Caduceus.Gateway.Vault;

/// <summary>The open-work-commit cycle of <see cref="IPseudonymVault"/>, with its retry.</summary>
public static class PseudonymVaultExtensions
{
    /// <summary>Attempts before concurrent writers to one scope are treated as a failure.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Opens the scope, runs <paramref name="work"/> in it (e.g. pseudonymizes a request's texts), and commits the
    /// pseudonyms it issued. When another request in the same scope committed conflicting tokens first, the work is
    /// redone on a freshly opened scope, so <paramref name="work"/> must only compute (return the new texts) and not
    /// change anything outside the scope. Returns the work's result and the committed scope, from which the answer is
    /// then restored.
    /// </summary>
    /// <exception cref="PseudonymVaultException">The vault failed, or the scope stayed contended for <see cref="MaxAttempts"/> attempts.</exception>
    public static async ValueTask<(T Result, AnonymizationScope Scope)> PseudonymizeAsync<T>(
        this IPseudonymVault vault,
        string scopeId,
        Func<AnonymizationScope, T> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(scopeId);
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var scope = await vault.OpenScopeAsync(scopeId, cancellationToken);
            var result = work(scope);
            if (await vault.TryCommitAsync(scope, cancellationToken))
            {
                return (result, scope);
            }
        }

        throw new PseudonymVaultException($"Concurrent requests of one conversation kept issuing conflicting pseudonyms ({MaxAttempts} attempts).");
    }
}
