using Caduceus.Detection.Anonymization;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Vault;

/// <summary>
/// Pseudonyms in process memory, with the same expiry and conflict rules as the SQLite vault; lost on restart.
/// Values are held in plaintext, as they are anyway while a request is handled.
/// </summary>
internal sealed class InMemoryPseudonymVault(TimeProvider timeProvider, IOptions<VaultOptions> options) : IPseudonymVault
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Scope> _scopes = new(StringComparer.Ordinal);

    public ValueTask<AnonymizationScope> OpenScopeAsync(string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopeId);
        lock (_gate)
        {
            var entries = _scopes.TryGetValue(scopeId, out var scope) && scope.ExpiresAt > timeProvider.GetUtcNow()
                ? scope.ByToken.Values.ToList()
                : [];
            return ValueTask.FromResult(new AnonymizationScope(scopeId, new PseudonymTable(entries)));
        }
    }

    public ValueTask<bool> TryCommitAsync(AnonymizationScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var issued = scope.Pseudonyms.Issued;
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_scopes.TryGetValue(scope.Id, out var stored) || stored.ExpiresAt <= now)
            {
                stored = new Scope();
            }

            foreach (var entry in issued)
            {
                var key = LookupKey(entry);
                var tokenTaken = stored.ByToken.TryGetValue(entry.Token, out var byToken) && LookupKey(byToken) != key;
                var valueTaken = stored.TokenByValue.TryGetValue(key, out var token) && token != entry.Token;
                if (tokenTaken || valueTaken)
                {
                    return ValueTask.FromResult(false);
                }
            }

            foreach (var entry in issued)
            {
                stored.ByToken[entry.Token] = entry;
                stored.TokenByValue[LookupKey(entry)] = entry.Token;
            }

            stored.ExpiresAt = now + options.Value.TimeToLive;
            _scopes[scope.Id] = stored;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var purged = 0;
        lock (_gate)
        {
            foreach (var (id, scope) in _scopes.Where(s => s.Value.ExpiresAt <= now).ToList())
            {
                purged += scope.ByToken.Count;
                _scopes.Remove(id);
            }
        }

        return ValueTask.FromResult(purged);
    }

    private static string LookupKey(PseudonymEntry entry) => entry.EntityType + "\0" + ValueNormalizer.Normalize(entry.EntityType, entry.Value);

    private sealed class Scope
    {
        public Dictionary<string, PseudonymEntry> ByToken { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> TokenByValue { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset ExpiresAt { get; set; }
    }
}
