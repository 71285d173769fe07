using System.Runtime.CompilerServices;

namespace Caduceus.Gateway.Audit.Search;

/// <summary>
/// Finds records by scanning the whole trail in sequence order and matching each parsed record in memory: the stores
/// index nothing but the sequence number, and a record's time is not guaranteed monotonic in it.
/// </summary>
public static class AuditSearch
{
    /// <exception cref="AuditRecordFormatException">A stored record is not canonical JSON (named by sequence).</exception>
    public static async IAsyncEnumerable<AuditMatch> FindAsync(IAuditReader reader, AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is <= 0)
        {
            yield break;
        }

        var found = 0;
        await foreach (var stored in reader.ReadAsync(0, cancellationToken).ConfigureAwait(false))
        {
            var record = AuditRecordJson.Parse(stored.CanonicalJson, stored.Sequence);
            if (!query.Matches(record))
            {
                continue;
            }

            yield return new AuditMatch(stored, record);
            if (++found == query.Limit)
            {
                yield break;
            }
        }
    }
}
