using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Storage;

/// <summary>
/// The database's tables and their migrations. <c>PRAGMA user_version</c> counts the migrations applied; a database
/// from before migrations existed is version 0 and has the <see cref="Initial"/> tables, so a fresh database and an
/// old one take the same path to the current shape.
/// </summary>
internal static class GatewaySchema
{
    /// <summary>The tables as first released (version 0). Never edit: add a migration instead.</summary>
    private const string Initial = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id          TEXT PRIMARY KEY,
            key_hash    BLOB NOT NULL UNIQUE,
            application TEXT NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS pseudonyms (
            scope       BLOB NOT NULL,
            token       TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            lookup      BLOB NOT NULL,
            value       BLOB NOT NULL,
            expires_at  INTEGER NOT NULL,
            PRIMARY KEY (scope, token),
            UNIQUE (scope, lookup)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS pseudonyms_expires_at ON pseudonyms (expires_at);
        """;

    /// <summary>Migration N takes the database from version N to N + 1.</summary>
    private static readonly string[] Migrations =
    [
        // 1: key lifecycle. Keys from before roles existed could use the models and nothing else: 'service' keeps that.
        """
        ALTER TABLE api_keys ADD COLUMN roles TEXT NOT NULL DEFAULT 'service';
        ALTER TABLE api_keys ADD COLUMN label TEXT;
        ALTER TABLE api_keys ADD COLUMN expires_at TEXT;
        ALTER TABLE api_keys ADD COLUMN revoked_at TEXT;
        ALTER TABLE api_keys ADD COLUMN revoked_reason TEXT;
        ALTER TABLE api_keys ADD COLUMN last_used_at TEXT;
        ALTER TABLE api_keys ADD COLUMN previous_key_hash BLOB;
        ALTER TABLE api_keys ADD COLUMN previous_valid_until TEXT;
        CREATE INDEX api_keys_previous_key_hash ON api_keys (previous_key_hash);
        """,

        // 2: admins' second factors, MFA sessions and pending passkey ceremonies. Times are Unix milliseconds.
        // TOTP seeds are sealed (AES-GCM); session tokens are stored as SHA-256 hashes only.
        """
        CREATE TABLE admin_mfa_factors (
            id             TEXT PRIMARY KEY,
            key_id         TEXT NOT NULL,
            kind           TEXT NOT NULL,
            label          TEXT,
            created_at     INTEGER NOT NULL,
            confirmed_at   INTEGER,
            last_used_at   INTEGER,
            totp_seed      BLOB,
            totp_last_step INTEGER,
            credential_id  BLOB UNIQUE,
            public_key     BLOB,
            sign_count     INTEGER
        );
        CREATE INDEX admin_mfa_factors_key_id ON admin_mfa_factors (key_id);
        CREATE TABLE admin_sessions (
            token_hash   BLOB PRIMARY KEY,
            key_id       TEXT NOT NULL,
            created_at   INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            verified_at  INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX admin_sessions_created_at ON admin_sessions (created_at);
        CREATE TABLE admin_webauthn_ceremonies (
            id         TEXT PRIMARY KEY,
            key_id     TEXT NOT NULL,
            purpose    TEXT NOT NULL,
            label      TEXT,
            options    TEXT NOT NULL,
            expires_at INTEGER NOT NULL
        );
        """,

        // 3: incidents, their evidence (security event ids, types, counts: never content) and containment actions.
        """
        CREATE TABLE incidents (
            id          TEXT PRIMARY KEY,
            playbook    TEXT NOT NULL,
            subject     TEXT NOT NULL,
            application TEXT,
            severity    TEXT NOT NULL,
            categories  TEXT NOT NULL,
            status      TEXT NOT NULL,
            drill       INTEGER NOT NULL DEFAULT 0,
            opened_at   INTEGER NOT NULL,
            updated_at  INTEGER NOT NULL,
            closed_at   INTEGER
        );
        CREATE INDEX incidents_open ON incidents (playbook, subject) WHERE status <> 'Closed';
        CREATE TABLE incident_events (
            incident_id   TEXT NOT NULL,
            event_id      TEXT NOT NULL,
            time          INTEGER NOT NULL,
            type          TEXT NOT NULL,
            code          TEXT,
            route         TEXT,
            entity_counts TEXT NOT NULL,
            PRIMARY KEY (incident_id, event_id)
        ) WITHOUT ROWID;
        CREATE TABLE incident_actions (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            incident_id TEXT NOT NULL,
            time        INTEGER NOT NULL,
            action      TEXT NOT NULL,
            target      TEXT NOT NULL,
            actor       TEXT NOT NULL,
            outcome     TEXT NOT NULL
        );
        CREATE INDEX incident_actions_incident ON incident_actions (incident_id);
        """,

        // 4: reversible containment: callers or applications refused until a time or until lifted.
        """
        CREATE TABLE containment_blocks (
            id          TEXT PRIMARY KEY,
            kind        TEXT NOT NULL,
            value       TEXT NOT NULL,
            action      TEXT NOT NULL,
            incident_id TEXT,
            created_at  INTEGER NOT NULL,
            until       INTEGER,
            lifted_at   INTEGER
        );
        CREATE INDEX containment_blocks_active ON containment_blocks (lifted_at, until);
        """,

        // 5: the keyring of envelope encryption. Data keys are stored only wrapped by the master key named in
        // master_key_id; origin says whether a key is random or was taken over from the vault key. Times are Unix ms.
        """
        CREATE TABLE data_keys (
            purpose       TEXT PRIMARY KEY,
            master_key_id TEXT NOT NULL,
            wrapped_key   BLOB NOT NULL,
            origin        TEXT NOT NULL,
            created_at    INTEGER NOT NULL,
            wrapped_at    INTEGER NOT NULL
        );
        """,

        // 6: incident response, second part: the hashed source of each piece of evidence, a detail on blocks (the
        // tool a block disables), the breach notification clock, and drills (callers whose incidents are practice).
        """
        ALTER TABLE incident_events ADD COLUMN source TEXT;
        ALTER TABLE containment_blocks ADD COLUMN detail TEXT;
        ALTER TABLE incidents ADD COLUMN notified_at INTEGER;
        ALTER TABLE incidents ADD COLUMN notification_note TEXT;
        CREATE TABLE drills (
            id         TEXT PRIMARY KEY,
            principal  TEXT NOT NULL,
            label      TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            ends_at    INTEGER NOT NULL,
            ended_at   INTEGER
        );
        CREATE INDEX drills_principal ON drills (principal, ends_at);
        """,

        // 7: the model inventory: the models each application may route to. The application compares without case, as
        // configuration does; at most one default model (for requests without "model") per application. Times are Unix ms.
        """
        CREATE TABLE model_inventory (
            application   TEXT NOT NULL COLLATE NOCASE,
            model         TEXT NOT NULL,
            version       TEXT,
            owner         TEXT NOT NULL,
            intended_use  TEXT NOT NULL,
            phi_allowed   INTEGER NOT NULL,
            risk_tier     TEXT NOT NULL,
            last_reviewed TEXT NOT NULL,
            is_default    INTEGER NOT NULL DEFAULT 0,
            created_at    INTEGER NOT NULL,
            updated_at    INTEGER NOT NULL,
            PRIMARY KEY (application, model)
        );
        CREATE UNIQUE INDEX model_inventory_default ON model_inventory (application) WHERE is_default = 1;
        """,

        // 8: web console accounts (password as PBKDF2, TOTP seed sealed) and their sessions (token as SHA-256 only).
        """
        CREATE TABLE console_accounts (
            id             TEXT PRIMARY KEY,
            name           TEXT NOT NULL UNIQUE,
            roles          TEXT NOT NULL,
            password_hash  TEXT NOT NULL,
            totp_seed      BLOB NOT NULL,
            totp_last_step INTEGER,
            created_at     INTEGER NOT NULL,
            disabled_at    INTEGER
        );
        CREATE TABLE console_sessions (
            token_hash    BLOB PRIMARY KEY,
            account_id    TEXT NOT NULL,
            created_at    INTEGER NOT NULL,
            last_seen_at  INTEGER NOT NULL,
            stepped_up_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX console_sessions_created_at ON console_sessions (created_at);
        """,

        // 9: threat intelligence: attack indicators (payload hashes, abusive addresses; never text) seen here or
        // imported from TAXII feeds, and each feed's position (X-TAXII-Date-Added-Last) and counters. Times are Unix ms.
        """
        CREATE TABLE threat_indicators (
            kind        TEXT NOT NULL,
            value       TEXT NOT NULL,
            origin      TEXT NOT NULL,
            first_seen  INTEGER NOT NULL,
            last_seen   INTEGER NOT NULL,
            seen_count  INTEGER NOT NULL,
            confidence  INTEGER NOT NULL,
            signatures  TEXT,
            valid_until INTEGER,
            PRIMARY KEY (kind, value, origin)
        ) WITHOUT ROWID;
        CREATE INDEX threat_indicators_last_seen ON threat_indicators (origin, last_seen);
        CREATE TABLE threat_feeds (
            name           TEXT PRIMARY KEY,
            added_after    TEXT,
            last_polled_at INTEGER,
            last_error     TEXT,
            imported       INTEGER NOT NULL DEFAULT 0,
            unsupported    INTEGER NOT NULL DEFAULT 0,
            malformed      INTEGER NOT NULL DEFAULT 0,
            ignored        INTEGER NOT NULL DEFAULT 0
        );
        """,
        // 10: staff training records: people (the identity the gateway knows them by, a display name, training roles) and
        // their course completions, with the expiry computed when each was recorded. No PHI: staff, courses and dates only.
        """
        CREATE TABLE training_people (
            id           TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            roles        TEXT NOT NULL,
            created_at   INTEGER NOT NULL,
            updated_at   INTEGER NOT NULL
        );
        CREATE TABLE training_completions (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id    TEXT NOT NULL REFERENCES training_people (id),
            course_id    TEXT NOT NULL,
            completed_on TEXT NOT NULL,
            expires_on   TEXT NOT NULL,
            evidence     TEXT,
            recorded_by  TEXT NOT NULL,
            recorded_at  INTEGER NOT NULL
        );
        CREATE INDEX training_completions_person ON training_completions (person_id, course_id);
        """,
        // 11: console policy overrides (the policy as canonical text; no PHI) and the history of every change.
        """
        CREATE TABLE policy_overrides (
            application  TEXT PRIMARY KEY COLLATE NOCASE,
            policy_text  TEXT NOT NULL,
            policy_hash  TEXT NOT NULL,
            changed_by   TEXT NOT NULL,
            changed_at   INTEGER NOT NULL
        );
        CREATE TABLE policy_changes (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            application  TEXT NOT NULL COLLATE NOCASE,
            changed_by   TEXT NOT NULL,
            changed_at   INTEGER NOT NULL,
            before_hash  TEXT NOT NULL,
            after_hash   TEXT NOT NULL,
            diff         TEXT NOT NULL
        );
        CREATE INDEX policy_changes_application ON policy_changes (application, id);
        """,
        // 12: results of scheduled red-team drills: the numbers (categories and findings as JSON, no text), and the full
        // scorecard of each run. The runner keeps the newest 50 per schedule. Times are Unix ms.
        """
        CREATE TABLE drill_results (
            id                      TEXT PRIMARY KEY,
            schedule                TEXT NOT NULL COLLATE NOCASE,
            application             TEXT NOT NULL,
            started_at              INTEGER NOT NULL,
            duration_ms             INTEGER NOT NULL,
            passed                  INTEGER NOT NULL,
            categories              TEXT NOT NULL,
            benign_total            INTEGER NOT NULL,
            benign_refused          INTEGER NOT NULL,
            max_benign_refused_rate REAL NOT NULL,
            findings                TEXT NOT NULL,
            event_id                TEXT NOT NULL,
            incident_id             TEXT,
            scorecard               TEXT NOT NULL
        );
        CREATE INDEX drill_results_schedule ON drill_results (schedule, started_at DESC);
        """,
        // 13: console accounts' passkeys (WebAuthn credential id, COSE public key, last signature counter; no secret).
        """
        CREATE TABLE console_passkeys (
            id            TEXT PRIMARY KEY,
            account_id    TEXT NOT NULL,
            label         TEXT,
            credential_id BLOB NOT NULL UNIQUE,
            public_key    BLOB NOT NULL,
            sign_count    INTEGER NOT NULL,
            created_at    INTEGER NOT NULL,
            last_used_at  INTEGER
        );
        CREATE INDEX console_passkeys_account ON console_passkeys (account_id, created_at);
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    public static void Apply(SqliteConnection connection)
    {
        using (var wal = connection.CreateCommand())
        {
            // Outside the transaction: the journal mode cannot change inside one.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        // IMMEDIATE: the gateway and a CLI verb starting together migrate once, one after the other.
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, Initial);
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The database was written by a newer Caduceus (schema version {version}; this one knows up to {CurrentVersion}).");
        }

        for (; version < CurrentVersion; version++)
        {
            Execute(connection, transaction, Migrations[version]);
        }

        Execute(connection, transaction, $"PRAGMA user_version = {CurrentVersion.ToString(CultureInfo.InvariantCulture)};");
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
