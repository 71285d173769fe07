using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Caduceus.Gateway.Keys;

/// <summary>
/// Records that a key was used, writing to the store at most once per <see cref="WriteInterval"/> per key, so the
/// request path almost never touches the database. Last use only feeds the "unused for N days" report, for which a
/// minute's lag is irrelevant.
/// </summary>
internal sealed partial class ApiKeyUsageRecorder(IApiKeyStore store, TimeProvider timeProvider, ILogger<ApiKeyUsageRecorder> logger)
{
    public static readonly TimeSpan WriteInterval = TimeSpan.FromMinutes(1);

    // One entry per valid key that was used: bounded by the number of keys, not by traffic.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWritten = new(StringComparer.Ordinal);

    public async ValueTask RecordAsync(string keyId)
    {
        var now = timeProvider.GetUtcNow();
        if (_lastWritten.TryGetValue(keyId, out var last))
        {
            // Of concurrent requests, only the one that wins the swap writes.
            if (now - last < WriteInterval || !_lastWritten.TryUpdate(keyId, now, last))
            {
                return;
            }
        }
        else if (!_lastWritten.TryAdd(keyId, now))
        {
            return;
        }

        try
        {
            // Not the request's token: a client hanging up should not leave the use unrecorded.
            await store.RecordUseAsync(keyId, now, CancellationToken.None);
        }
        catch (SqliteException exception)
        {
            // Bookkeeping must not fail an authenticated request; the next use tries again.
            _lastWritten.TryRemove(new KeyValuePair<string, DateTimeOffset>(keyId, now));
            LogWriteFailed(logger, keyId, exception.SqliteErrorCode);
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Could not record the last use of key {KeyId} (SQLite error {SqliteError})")]
    private static partial void LogWriteFailed(ILogger logger, string keyId, int sqliteError);
}
