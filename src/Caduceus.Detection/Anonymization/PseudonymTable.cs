using System.Diagnostics.CodeAnalysis;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// The pseudonyms of one scope: tokens numbered per entity type (<c>&lt;NAME_1&gt;</c>, <c>&lt;NAME_2&gt;</c>,
/// <c>&lt;SSN_1&gt;</c>), the same value always getting the same token, and each token resolving to its value.
/// Values are matched after <see cref="ValueNormalizer"/> (an SSN with or without dashes is one value); a token
/// restores to the spelling first seen. Thread-safe.
/// </summary>
/// <remarks>
/// A vault loads a table with the scope's stored entries, lets operators issue new ones in memory, then persists
/// <see cref="Issued"/>. The table itself never touches storage.
/// </remarks>
public sealed class PseudonymTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PseudonymEntry> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PseudonymEntry> _byValue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastNumber = new(StringComparer.Ordinal);
    private readonly List<PseudonymEntry> _issued = [];

    /// <summary>An empty table.</summary>
    public PseudonymTable()
    {
    }

    /// <summary>A table holding entries issued earlier; numbering continues after the highest number per type.</summary>
    /// <exception cref="ArgumentException">An entry's token is malformed or does not match its type, or two entries share a token or a value.</exception>
    public PseudonymTable(IEnumerable<PseudonymEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            ArgumentNullException.ThrowIfNull(entry.Value, nameof(entries));

            // The token and type are not PHI and may be named; the value never is.
            if (!PseudonymToken.TryParse(entry.Token, out var type, out var number) || !type.SequenceEqual(entry.EntityType))
            {
                throw new ArgumentException($"Entry token '{entry.Token}' is not a token of type '{entry.EntityType}'.", nameof(entries));
            }

            if (!_byToken.TryAdd(entry.Token, entry) || !_byValue.TryAdd(ValueKey(entry.EntityType, entry.Value), entry))
            {
                throw new ArgumentException($"Entry token '{entry.Token}' duplicates the token or the value of another entry.", nameof(entries));
            }

            _lastNumber[entry.EntityType] = Math.Max(number, _lastNumber.GetValueOrDefault(entry.EntityType));
        }
    }

    /// <summary>Number of tokens in the table.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byToken.Count;
            }
        }
    }

    /// <summary>Entries issued by <see cref="GetOrIssue"/> since the table was created, in issue order: what a vault must persist.</summary>
    public IReadOnlyList<PseudonymEntry> Issued
    {
        get
        {
            lock (_gate)
            {
                return [.. _issued];
            }
        }
    }

    /// <summary>The token of <paramref name="value"/>, issuing the next number of <paramref name="entityType"/> when it has none.</summary>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> cannot stand in a token (upper snake case only).</exception>
    public string GetOrIssue(string entityType, string value)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(value);
        if (!PseudonymToken.IsValidEntityType(entityType))
        {
            throw new ArgumentException($"Entity type '{entityType}' cannot stand in a pseudonym token.", nameof(entityType));
        }

        var key = ValueKey(entityType, value);
        lock (_gate)
        {
            if (_byValue.TryGetValue(key, out var existing))
            {
                return existing.Token;
            }

            var number = checked(_lastNumber.GetValueOrDefault(entityType) + 1);
            var entry = new PseudonymEntry(PseudonymToken.Format(entityType, number), entityType, value);
            _lastNumber[entityType] = number;
            _byToken.Add(entry.Token, entry);
            _byValue.Add(key, entry);
            _issued.Add(entry);
            return entry.Token;
        }
    }

    /// <summary>The value behind <paramref name="token"/> when it was issued in this scope.</summary>
    public bool TryGetValue(ReadOnlySpan<char> token, [NotNullWhen(true)] out string? value)
    {
        lock (_gate)
        {
            if (_byToken.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var entry))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Every entry, loaded and issued, in no particular order.</summary>
    public IReadOnlyList<PseudonymEntry> Entries()
    {
        lock (_gate)
        {
            return [.. _byToken.Values];
        }
    }

    /// <summary>Never shows values.</summary>
    public override string ToString() => $"PseudonymTable({Count} tokens)";

    private static string ValueKey(string entityType, string value) => string.Concat(entityType, "\0", ValueNormalizer.Normalize(entityType, value));
}
