using System.Globalization;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>The shared tables, versioned like the SQLite schema: migration N takes the database from version N to N + 1.</summary>
internal static class PostgresStateSchema
{
    private static readonly string[] Migrations =
    [
        // 0: client keys, the pseudonym vault and the keyring that seals it.
        """
        CREATE TABLE api_keys (
            seq                  bigint GENERATED ALWAYS AS IDENTITY,
            id                   text PRIMARY KEY,
            key_hash             bytea NOT NULL UNIQUE,
            previous_key_hash    bytea UNIQUE,
            previous_valid_until timestamptz,
            application          text NOT NULL,
            roles                text NOT NULL,
            label                text,
            created_at           timestamptz NOT NULL,
            expires_at           timestamptz,
            revoked_at           timestamptz,
            revoked_reason       text,
            last_used_at         timestamptz
        );
        CREATE TABLE pseudonyms (
            scope       bytea NOT NULL,
            token       text NOT NULL,
            entity_type text NOT NULL,
            lookup      bytea NOT NULL,
            value       bytea NOT NULL,
            expires_at  bigint NOT NULL,
            PRIMARY KEY (scope, token),
            UNIQUE (scope, lookup)
        );
        CREATE INDEX pseudonyms_expires_at ON pseudonyms (expires_at);
        CREATE TABLE data_keys (
            purpose       text PRIMARY KEY,
            master_key_id text NOT NULL,
            wrapped_key   bytea NOT NULL,
            origin        text NOT NULL,
            created_at    bigint NOT NULL,
            wrapped_at    bigint NOT NULL
        );
        """,

        // 1: which instance runs each scheduled drill's due time (one row per schedule and due time).
        """
        CREATE TABLE drill_run_claims (
            schedule   text NOT NULL,
            due_at     bigint NOT NULL,
            claimed_at bigint NOT NULL,
            PRIMARY KEY (schedule, due_at)
        );
        """,

        // 2: callers' verification, found by keyed hashes of conversation, address and patient keys; codes only as keyed hashes.
        """
        CREATE TABLE verification_states (
            conversation bytea PRIMARY KEY,
            status       smallint NOT NULL,
            patient_id   text,
            expires_at   bigint NOT NULL,
            code_hash    bytea,
            verified_at  bigint
        );
        CREATE INDEX verification_states_expires_at ON verification_states (expires_at);
        CREATE TABLE verification_failures (
            subject  bytea PRIMARY KEY,
            failures integer NOT NULL,
            ends_at  bigint NOT NULL
        );
        """,

        // 3: the console's policy overrides (one per application, names without regard to case) and their change history.
        """
        CREATE TABLE policy_overrides (
            application text NOT NULL,
            policy_text text NOT NULL,
            policy_hash text NOT NULL,
            changed_by  text NOT NULL,
            changed_at  bigint NOT NULL
        );
        CREATE UNIQUE INDEX policy_overrides_application ON policy_overrides ((lower(application)));
        CREATE TABLE policy_changes (
            id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            application text NOT NULL,
            changed_by  text NOT NULL,
            changed_at  bigint NOT NULL,
            before_hash text NOT NULL,
            after_hash  text NOT NULL,
            diff        text NOT NULL
        );
        """,
    ];

    /// <summary>Runs inside the caller's transaction, which holds the migration lock.</summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS caduceus_schema (version integer NOT NULL)", cancellationToken).ConfigureAwait(false);
        await using var read = new NpgsqlCommand("SELECT version FROM caduceus_schema", connection, transaction);
        var stored = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        var version = stored is null ? 0 : Convert.ToInt32(stored, CultureInfo.InvariantCulture);
        if (version > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The shared state database is at schema version {version}, newer than this gateway knows ({Migrations.Length}); upgrade the gateway.");
        }

        for (; version < Migrations.Length; version++)
        {
            await ExecuteAsync(connection, transaction, Migrations[version], cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM caduceus_schema", cancellationToken).ConfigureAwait(false);
        await using var write = new NpgsqlCommand("INSERT INTO caduceus_schema (version) VALUES (@version)", connection, transaction);
        write.Parameters.AddWithValue("version", version);
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
