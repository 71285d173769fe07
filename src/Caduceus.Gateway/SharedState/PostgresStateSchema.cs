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

        // 2: console accounts and sessions, admin MFA factors, sessions and passkey ceremonies, and the ASP.NET Core
        // Data Protection key ring (its keys sealed by KeyRingXmlEncryptor), so a console or admin session works on whichever instance a request reaches.
        // Times are Unix milliseconds, as in the SQLite tables they mirror; tokens only as SHA-256 hashes.
        """
        CREATE TABLE console_accounts (
            seq            bigint GENERATED ALWAYS AS IDENTITY,
            id             text PRIMARY KEY,
            name           text NOT NULL UNIQUE,
            roles          text NOT NULL,
            password_hash  text NOT NULL,
            totp_seed      bytea NOT NULL,
            totp_last_step bigint,
            created_at     bigint NOT NULL,
            disabled_at    bigint
        );
        CREATE TABLE console_sessions (
            token_hash    bytea PRIMARY KEY,
            account_id    text NOT NULL,
            created_at    bigint NOT NULL,
            last_seen_at  bigint NOT NULL,
            stepped_up_at bigint
        );
        CREATE INDEX console_sessions_created_at ON console_sessions (created_at);
        CREATE INDEX console_sessions_last_seen_at ON console_sessions (last_seen_at);
        CREATE TABLE admin_mfa_factors (
            seq            bigint GENERATED ALWAYS AS IDENTITY,
            id             text PRIMARY KEY,
            key_id         text NOT NULL,
            kind           text NOT NULL,
            label          text,
            created_at     bigint NOT NULL,
            confirmed_at   bigint,
            last_used_at   bigint,
            totp_seed      bytea,
            totp_last_step bigint,
            credential_id  bytea UNIQUE,
            public_key     bytea,
            sign_count     bigint
        );
        CREATE INDEX admin_mfa_factors_key_id ON admin_mfa_factors (key_id);
        CREATE TABLE admin_sessions (
            token_hash   bytea PRIMARY KEY,
            key_id       text NOT NULL,
            created_at   bigint NOT NULL,
            last_seen_at bigint NOT NULL,
            verified_at  bigint NOT NULL
        );
        CREATE INDEX admin_sessions_created_at ON admin_sessions (created_at);
        CREATE TABLE admin_webauthn_ceremonies (
            id         text PRIMARY KEY,
            key_id     text NOT NULL,
            purpose    text NOT NULL,
            label      text,
            options    text NOT NULL,
            expires_at bigint NOT NULL
        );
        CREATE TABLE data_protection_keys (
            seq        bigint GENERATED ALWAYS AS IDENTITY,
            name       text PRIMARY KEY,
            xml        text NOT NULL,
            created_at bigint NOT NULL
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
