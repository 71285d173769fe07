using System.Security.Cryptography;
using System.Text;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Verification;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Callers' verification in the shared PostgreSQL database (tables <c>verification_states</c>,
/// <c>verification_failures</c>), so a caller verified through one instance is verified through every instance and
/// failures through all of them count towards one lockout. Rows are found by keyed hashes of the conversation,
/// address and patient keys (never the keys themselves); a pending code is kept only as its keyed hash. Both keys are
/// derived from the shared keyring, so every instance computes the same hashes and the database alone reveals
/// neither conversations, addresses nor codes. Expired rows read as absent and are deleted now and then. The keyring
/// is opened on first use, not when the store is built: it needs the gateway's options, which are still being
/// validated when the verifier (and so this store) is first built.
/// </summary>
internal sealed class PostgresVerificationStateStore(PostgresStateDatabase database, Func<DataKeyring> keyring, TimeProvider timeProvider) : IVerificationStateStore
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private readonly Lazy<byte[]> _lookupKey = new(() => Derive(keyring(), "caduceus caller verification lookup"));
    private readonly Lazy<byte[]> _codeKey = new(() => Derive(keyring(), "caduceus caller verification code"));
    private long _nextPurge;

    public byte[] CodeKey => _codeKey.Value;

    public async ValueTask<ConversationVerification?> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        return await RunAsync<ConversationVerification?>(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    "SELECT status, patient_id, expires_at, code_hash, verified_at FROM verification_states WHERE conversation = @conversation AND expires_at > @now",
                    connection);
                command.Parameters.AddWithValue("conversation", Lookup("conversation", conversationKey));
                command.Parameters.AddWithValue("now", Now());
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return new ConversationVerification(
                    (VerificationStatus)reader.GetInt16(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3))
                {
                    VerifiedAt = reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                };
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SetAsync(string conversationKey, ConversationVerification state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO verification_states (conversation, status, patient_id, expires_at, code_hash, verified_at)
                    VALUES (@conversation, @status, @patient, @expires, @code, @verified)
                    ON CONFLICT (conversation) DO UPDATE SET status = @status, patient_id = @patient, expires_at = @expires, code_hash = @code, verified_at = @verified
                    """,
                    connection);
                command.Parameters.AddWithValue("conversation", Lookup("conversation", conversationKey));
                command.Parameters.AddWithValue("status", (short)state.Status);
                command.Parameters.AddWithValue("patient", (object?)state.PatientId ?? DBNull.Value);
                command.Parameters.AddWithValue("expires", state.ExpiresAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("code", (object?)state.CodeHash ?? DBNull.Value);
                command.Parameters.AddWithValue("verified", state.VerifiedAt is { } at ? at.ToUnixTimeMilliseconds() : DBNull.Value);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await PurgeExpiredAsync(connection, cancellationToken).ConfigureAwait(false);
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(string conversationKey, CancellationToken cancellationToken)
    {
        await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand("DELETE FROM verification_states WHERE conversation = @conversation", connection);
                command.Parameters.AddWithValue("conversation", Lookup("conversation", conversationKey));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<DateTimeOffset?> LockedUntilAsync(string failureKey, int maxFailures, CancellationToken cancellationToken)
    {
        var ends = await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    "SELECT ends_at FROM verification_failures WHERE subject = @subject AND ends_at > @now AND failures >= @max", connection);
                command.Parameters.AddWithValue("subject", Lookup("failures", failureKey));
                command.Parameters.AddWithValue("now", Now());
                command.Parameters.AddWithValue("max", maxFailures);
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return ends is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
    }

    public async ValueTask<int> RecordFailureAsync(string failureKey, TimeSpan window, CancellationToken cancellationToken)
    {
        return await RunAsync(
            async connection =>
            {
                // One statement, so failures recorded by several instances at once are all counted.
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO verification_failures AS f (subject, failures, ends_at) VALUES (@subject, 1, @ends)
                    ON CONFLICT (subject) DO UPDATE SET
                        failures = CASE WHEN f.ends_at > @now THEN f.failures + 1 ELSE 1 END,
                        ends_at = CASE WHEN f.ends_at > @now THEN f.ends_at ELSE @ends END
                    RETURNING failures
                    """,
                    connection);
                var now = Now();
                command.Parameters.AddWithValue("subject", Lookup("failures", failureKey));
                command.Parameters.AddWithValue("now", now);
                command.Parameters.AddWithValue("ends", now + (long)window.TotalMilliseconds);
                return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ClearFailuresAsync(string failureKey, CancellationToken cancellationToken)
    {
        await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand("DELETE FROM verification_failures WHERE subject = @subject", connection);
                command.Parameters.AddWithValue("subject", Lookup("failures", failureKey));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw new VerificationStateUnavailableException($"The verification state in the {database.Description} cannot be reached.", exception);
        }
    }

    private async Task PurgeExpiredAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var now = Now();
        var due = Interlocked.Read(ref _nextPurge);
        if (now < due || Interlocked.CompareExchange(ref _nextPurge, now + (long)PurgeInterval.TotalMilliseconds, due) != due)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "DELETE FROM verification_states WHERE expires_at <= @now; DELETE FROM verification_failures WHERE ends_at <= @now", connection);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private byte[] Lookup(string kind, string key) => HMACSHA256.HashData(_lookupKey.Value, Encoding.UTF8.GetBytes(kind + "\n" + key));

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private static byte[] Derive(DataKeyring keyring, string label) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, keyring.KeyFor(DataKeyPurposes.ScopeId), 32, info: Encoding.UTF8.GetBytes(label));
}
