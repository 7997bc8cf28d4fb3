using Npgsql;

namespace DystoniaBot.Storage;

// The schema is a list of steps applied in order, each once, recorded in schema_version. A later change is a new step
// at the end of the list; a step that has shipped is never edited.
public sealed partial class PostgresStore
{
    // Any constant works as long as nothing else in the database takes the same advisory lock; this one spells "DYSTBOT".
    private const long SchemaLockKey = 0x44595354424F54;

    // JSON documents are text, not jsonb: jsonb refuses the escaped NUL (\u0000) that user text may hold.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE conversation_state (conversation_key text PRIMARY KEY, state text NOT NULL, updated_at timestamptz NOT NULL);
        CREATE TABLE conversation_reference (conversation_key text PRIMARY KEY, reference text NOT NULL, updated_at timestamptz NOT NULL);
        CREATE TABLE sent_answer (conversation_key text NOT NULL, activity_id text NOT NULL, question text NOT NULL, passage_id text NOT NULL,
            sent_at timestamptz NOT NULL, PRIMARY KEY (conversation_key, activity_id));
        CREATE TABLE feedback (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, conversation_key text NOT NULL, question text, passage_id text,
            helpful boolean NOT NULL, comment text, created_at timestamptz NOT NULL);
        CREATE TABLE ticket (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, reference text NOT NULL UNIQUE, conversation_key text NOT NULL,
            channel_id text NOT NULL, user_id text, question text NOT NULL, locale text, status integer NOT NULL, created_at timestamptz NOT NULL,
            answer text, answered_by text, answered_at timestamptz, delivery integer NOT NULL, delivery_attempts integer NOT NULL,
            next_delivery_at timestamptz, delivery_error text);
        CREATE INDEX ticket_conversation ON ticket (conversation_key, id);
        CREATE INDEX ticket_status ON ticket (status, id);
        CREATE INDEX ticket_due ON ticket (next_delivery_at) WHERE delivery = 1;
        CREATE INDEX ticket_created ON ticket (created_at);
        CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL, action text NOT NULL,
            target text NOT NULL);
        """,
        """
        CREATE TABLE directline_setting (name text PRIMARY KEY, value bytea NOT NULL);
        CREATE TABLE directline_conversation (id text PRIMARY KEY, user_id text NOT NULL, started boolean NOT NULL, next_sequence bigint NOT NULL,
            created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL);
        CREATE INDEX directline_conversation_updated ON directline_conversation (updated_at);
        CREATE TABLE directline_activity (conversation_id text NOT NULL REFERENCES directline_conversation (id) ON DELETE CASCADE, sequence bigint NOT NULL,
            activity text NOT NULL, PRIMARY KEY (conversation_id, sequence));
        """,
        """
        CREATE TABLE revoked_session (session_id text PRIMARY KEY, until timestamptz NOT NULL);
        """,
        """
        CREATE TABLE signin_failure (throttle_key text PRIMARY KEY, failures integer NOT NULL, last_failure_at timestamptz NOT NULL);
        CREATE INDEX signin_failure_last ON signin_failure (last_failure_at);
        """,
        """
        CREATE TABLE directline_budget (conversation_id text PRIMARY KEY REFERENCES directline_conversation (id) ON DELETE CASCADE, day date NOT NULL,
            bytes bigint NOT NULL);
        CREATE TABLE directline_daily_bytes (day date PRIMARY KEY, bytes bigint NOT NULL);
        """,
        """
        CREATE TABLE data_protection_key (friendly_name text PRIMARY KEY, xml text NOT NULL, created_at timestamptz NOT NULL);
        """,
        """
        CREATE TABLE directline_resume (secret_hash text PRIMARY KEY, conversation_id text NOT NULL REFERENCES directline_conversation (id) ON DELETE CASCADE,
            created_at timestamptz NOT NULL);
        CREATE INDEX directline_resume_conversation ON directline_resume (conversation_id);
        """,
        """
        ALTER TABLE ticket ADD COLUMN close_reason text, ADD COLUMN close_note text, ADD COLUMN asker_key text;
        CREATE INDEX ticket_asker ON ticket (asker_key, created_at) WHERE asker_key IS NOT NULL;
        CREATE TABLE curated_submission (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ticket_reference text UNIQUE, question text NOT NULL,
            answer text NOT NULL, author text NOT NULL, submitted_by text NOT NULL, submitted_at timestamptz NOT NULL, status integer NOT NULL,
            reviewed_by text, review_note text);
        CREATE INDEX curated_submission_submitted ON curated_submission (submitted_at);
        """,
    ];

    /// <summary>The schema version this build creates.</summary>
    public static int SchemaVersion => Migrations.Length;

    /// <summary>
    /// Creates the schema, or brings it up to <see cref="SchemaVersion"/>; safe when several processes start at once
    /// (they take turns on an advisory lock) and when one dies halfway (the steps and their versions commit together).
    /// </summary>
    /// <exception cref="InvalidOperationException">The database holds a newer schema than this build knows.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Held until the transaction ends, so a process that crashes mid-migration releases it and rolls back.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", cancellationToken, SchemaLockKey);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)", cancellationToken);
        await using (var read = Command(connection, "SELECT coalesce(max(version), 0) FROM schema_version"))
        {
            var current = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
            if (current > Migrations.Length)
            {
                throw new InvalidOperationException(
                    $"Storage:PostgresConnectionString: the PostgreSQL database ({Describe()}) has schema version {current}, newer than this build's {Migrations.Length}: run a newer DystoniaBot against it.");
            }

            for (var version = current + 1; version <= Migrations.Length; version++)
            {
                await ExecuteAsync(connection, Migrations[version - 1], cancellationToken);
                await ExecuteAsync(connection, "INSERT INTO schema_version VALUES ($1, $2)", cancellationToken, version, DateTimeOffset.UtcNow);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
