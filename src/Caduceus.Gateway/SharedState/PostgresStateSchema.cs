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

        // 2: incidents, their evidence and actions, containment blocks and declared drills, so a block placed on one
        // instance refuses requests on every instance. Times are Unix milliseconds, as in the SQLite gateway database.
        """
        CREATE TABLE incidents (
            id                text PRIMARY KEY,
            playbook          text NOT NULL,
            subject           text NOT NULL,
            application       text,
            severity          text NOT NULL,
            categories        text NOT NULL,
            status            text NOT NULL,
            drill             boolean NOT NULL DEFAULT false,
            opened_at         bigint NOT NULL,
            updated_at        bigint NOT NULL,
            closed_at         bigint,
            notified_at       bigint,
            notification_note text
        );
        CREATE INDEX incidents_open ON incidents (subject, playbook) WHERE status <> 'Closed';
        CREATE TABLE incident_events (
            incident_id   text NOT NULL,
            event_id      text NOT NULL,
            time          bigint NOT NULL,
            type          text NOT NULL,
            code          text,
            route         text,
            entity_counts text NOT NULL,
            source        text,
            PRIMARY KEY (incident_id, event_id)
        );
        CREATE TABLE incident_actions (
            seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            incident_id text NOT NULL,
            time        bigint NOT NULL,
            action      text NOT NULL,
            target      text NOT NULL,
            actor       text NOT NULL,
            outcome     text NOT NULL
        );
        CREATE INDEX incident_actions_incident ON incident_actions (incident_id);
        CREATE TABLE containment_blocks (
            id          text PRIMARY KEY,
            kind        text NOT NULL,
            value       text NOT NULL,
            action      text NOT NULL,
            incident_id text,
            created_at  bigint NOT NULL,
            until       bigint,
            lifted_at   bigint,
            detail      text
        );
        CREATE INDEX containment_blocks_active ON containment_blocks (until) WHERE lifted_at IS NULL;
        CREATE TABLE drills (
            id         text PRIMARY KEY,
            principal  text NOT NULL,
            label      text NOT NULL,
            started_at bigint NOT NULL,
            ends_at    bigint NOT NULL,
            ended_at   bigint
        );
        CREATE INDEX drills_principal ON drills (principal, ends_at);
        """,

        // 3: console accounts and sessions, admin MFA factors, sessions and passkey ceremonies, and the ASP.NET Core
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

        // 4: every change to client keys or containment blocks, by any instance or the CLI, notifies the instances'
        // listeners (PostgresStateChangeListener), which drop their cached copies at once. Uses of a key (last_used_at)
        // do not notify.
        """
        CREATE FUNCTION caduceus_notify_state_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('caduceus_state', TG_TABLE_NAME);
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER api_keys_changed
            AFTER INSERT OR DELETE OR UPDATE OF key_hash, previous_key_hash, previous_valid_until, application, roles, expires_at, revoked_at
            ON api_keys FOR EACH STATEMENT EXECUTE FUNCTION caduceus_notify_state_change();
        CREATE TRIGGER containment_blocks_changed
            AFTER INSERT OR UPDATE OR DELETE ON containment_blocks FOR EACH STATEMENT EXECUTE FUNCTION caduceus_notify_state_change();
        """,

        // 5: callers' verification, found by keyed hashes of conversation, address and patient keys; codes only as keyed hashes.
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

        // 6: the console's policy overrides (one per application, names without regard to case) and their change history.
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

        // 7: console accounts' passkeys (WebAuthn credential id, COSE public key, last signature counter; no secret).
        """
        CREATE TABLE console_passkeys (
            seq           bigint GENERATED ALWAYS AS IDENTITY,
            id            text PRIMARY KEY,
            account_id    text NOT NULL,
            label         text,
            credential_id bytea NOT NULL UNIQUE,
            public_key    bytea NOT NULL,
            sign_count    bigint NOT NULL,
            created_at    bigint NOT NULL,
            last_used_at  bigint
        );
        CREATE INDEX console_passkeys_account ON console_passkeys (account_id, created_at);
        """,

        // 8: policy overrides saved through any instance notify the others' listeners too (as migration 4 does for keys and blocks).
        """
        CREATE TRIGGER policy_overrides_changed
            AFTER INSERT OR UPDATE OR DELETE ON policy_overrides FOR EACH STATEMENT EXECUTE FUNCTION caduceus_notify_state_change();
        """,

        // 9: the model inventory (application names without regard to case, model names exact, at most one default per
        // application); every change notifies the instances' listeners, which drop their cached lookups at once.
        """
        CREATE TABLE model_inventory (
            application   text NOT NULL,
            model         text NOT NULL,
            version       text,
            owner         text NOT NULL,
            intended_use  text NOT NULL,
            phi_allowed   boolean NOT NULL,
            risk_tier     text NOT NULL,
            last_reviewed date NOT NULL,
            is_default    boolean NOT NULL DEFAULT false,
            created_at    bigint NOT NULL,
            updated_at    bigint NOT NULL
        );
        CREATE UNIQUE INDEX model_inventory_entry ON model_inventory ((lower(application)), model);
        CREATE UNIQUE INDEX model_inventory_default ON model_inventory ((lower(application))) WHERE is_default;
        CREATE TRIGGER model_inventory_changed
            AFTER INSERT OR UPDATE OR DELETE ON model_inventory FOR EACH STATEMENT EXECUTE FUNCTION caduceus_notify_state_change();
        """,

        // 10: threat intelligence, shared so a feed is pulled once for the fleet: attack indicators (payload hashes,
        // abusive addresses; never text) and each TAXII feed's position and counters, as in the SQLite tables. Times
        // are Unix ms. Only changes to imported indicators notify (the instances cache the imported payload hashes);
        // the gateway's own sightings, which an attack can make frequent, are read by nothing on the request path.
        """
        CREATE TABLE threat_indicators (
            kind        text NOT NULL,
            value       text NOT NULL,
            origin      text NOT NULL,
            first_seen  bigint NOT NULL,
            last_seen   bigint NOT NULL,
            seen_count  bigint NOT NULL,
            confidence  integer NOT NULL,
            signatures  text,
            valid_until bigint,
            PRIMARY KEY (kind, value, origin)
        );
        CREATE INDEX threat_indicators_last_seen ON threat_indicators (origin, last_seen);
        CREATE TABLE threat_feeds (
            name           text PRIMARY KEY,
            added_after    text,
            last_polled_at bigint,
            last_error     text,
            imported       bigint NOT NULL DEFAULT 0,
            unsupported    bigint NOT NULL DEFAULT 0,
            malformed      bigint NOT NULL DEFAULT 0,
            ignored        bigint NOT NULL DEFAULT 0
        );
        CREATE TRIGGER threat_indicators_imported_changed
            AFTER INSERT OR UPDATE ON threat_indicators FOR EACH ROW WHEN (NEW.origin <> 'local')
            EXECUTE FUNCTION caduceus_notify_state_change();
        CREATE TRIGGER threat_indicators_imported_removed
            AFTER DELETE ON threat_indicators FOR EACH ROW WHEN (OLD.origin <> 'local')
            EXECUTE FUNCTION caduceus_notify_state_change();
        """,

        // 11: the staff training register and the scheduled drills' results, so every instance enforces the same
        // training and lists the same results, and the compliance report reads one set (ids, courses, dates and
        // numbers only; no patient data). Schedules are matched without regard to case, as in SQLite.
        """
        CREATE TABLE training_people (
            id           text PRIMARY KEY,
            display_name text NOT NULL,
            roles        text[] NOT NULL,
            created_at   bigint NOT NULL,
            updated_at   bigint NOT NULL
        );
        CREATE TABLE training_completions (
            id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            person_id    text NOT NULL REFERENCES training_people (id),
            course_id    text NOT NULL,
            completed_on date NOT NULL,
            expires_on   date NOT NULL,
            evidence     text,
            recorded_by  text NOT NULL,
            recorded_at  bigint NOT NULL
        );
        CREATE INDEX training_completions_person ON training_completions (person_id, course_id);
        CREATE TABLE drill_results (
            id                      text PRIMARY KEY,
            schedule                text NOT NULL,
            application             text NOT NULL,
            started_at              bigint NOT NULL,
            duration_ms             bigint NOT NULL,
            passed                  boolean NOT NULL,
            categories              text NOT NULL,
            benign_total            integer NOT NULL,
            benign_refused          integer NOT NULL,
            max_benign_refused_rate double precision NOT NULL,
            findings                text NOT NULL,
            event_id                text NOT NULL,
            incident_id             text,
            scorecard               text NOT NULL
        );
        CREATE INDEX drill_results_schedule ON drill_results ((lower(schedule)), started_at DESC);
        """,

        // 12: sign-in and second-factor failure counters (admin MFA, console) shared by every instance, one row per
        // partition (a keyed hash of the key, account or address) with the start and end of its window; and the
        // fingerprint of the audit finding key every instance must share (an HMAC of a fixed label, never the key).
        """
        CREATE TABLE failure_counters (
            partition    text PRIMARY KEY,
            failures     integer NOT NULL,
            window_start bigint NOT NULL,
            ends_at      bigint NOT NULL
        );
        CREATE INDEX failure_counters_ends ON failure_counters (ends_at);
        CREATE TABLE finding_key_fingerprint (
            singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            fingerprint text NOT NULL,
            created_at  bigint NOT NULL
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
