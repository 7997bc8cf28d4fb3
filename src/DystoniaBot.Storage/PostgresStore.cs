using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Handoff;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DystoniaBot.Storage;

/// <summary>
/// Conversation state, conversation references, feedback, tickets and Direct Line conversations in PostgreSQL
/// (<c>Storage:PostgresConnectionString</c>), for bots that keep their data on a database server rather than beside
/// the process.
/// </summary>
/// <remarks>
/// Thread-safe: every operation borrows a pooled connection from one <see cref="NpgsqlDataSource"/>. Every write is
/// committed before the call returns, conversation state included: unlike the SQLite store nothing is cached or written
/// behind, because another process sharing the database may serve a conversation's next turn.
/// <see cref="MigrateAsync"/> must have run once before the store is used (the host does it at startup).
/// </remarks>
public sealed partial class PostgresStore : IConversationStateStore, IConversationReferenceStore, IFeedbackStore, IRetentionStore, IRevokedSessions, ISignInFailures, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _listenerSource;
    private readonly WrittenReferences _writtenReferences = new();

    /// <summary>Prepares the connection pool; nothing is opened until the first operation.</summary>
    public PostgresStore(IOptions<StorageOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.Value.PostgresConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Storage:PostgresConnectionString is empty: the PostgreSQL store needs it.");
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseLoggerFactory(loggerFactory);
        _dataSource = builder.Build();

        // The listening connection lives as long as the process, outside the pool, named so it can be told apart
        // in pg_stat_activity.
        var listener = new NpgsqlDataSourceBuilder(connectionString);
        listener.ConnectionStringBuilder.Pooling = false;
        listener.ConnectionStringBuilder.ApplicationName = ListenerApplicationName;
        listener.UseLoggerFactory(loggerFactory);
        _listenerSource = listener.Build();
    }

    /// <summary>The application_name of the connection that listens for Direct Line notices.</summary>
    public const string ListenerApplicationName = "dystoniabot-directline-listener";

    /// <summary>Opens a connection of its own (never pooled) that listens for new Direct Line activities, stored by any process.</summary>
    /// <remarks>The caller owns it; its <see cref="NpgsqlConnection.Notification"/> event carries payloads that <see cref="DirectLineNotices.TryParse"/> reads.</remarks>
    public async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await _listenerSource.OpenConnectionAsync(cancellationToken);
        try
        {
            // The channel is a constant identifier of ours; LISTEN takes no parameters.
            await ExecuteAsync(connection, "LISTEN " + DirectLineNotices.Channel, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The database's host, port and name, for messages (never the password).</summary>
    public string Describe()
    {
        var parsed = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
        return $"Host={parsed.Host};Port={parsed.Port};Database={parsed.Database ?? parsed.Username}";
    }

    /// <inheritdoc />
    public async Task<ConversationState> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var json = await ScalarAsync<string>("SELECT state FROM conversation_state WHERE conversation_key = $1", cancellationToken, conversationKey);
        return json is null ? ConversationState.Empty : JsonSerializer.Deserialize<ConversationState>(json) ?? ConversationState.Empty;
    }

    /// <inheritdoc />
    public async Task SetAsync(string conversationKey, ConversationState state, CancellationToken cancellationToken) =>
        await ExecuteAsync("INSERT INTO conversation_state VALUES ($1, $2, $3) " +
            "ON CONFLICT (conversation_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            cancellationToken, conversationKey, JsonSerializer.Serialize(state), DateTimeOffset.UtcNow);

    /// <inheritdoc />
    public async Task SaveAsync(string conversationKey, StoredConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_writtenReferences.IsUnchanged(conversationKey, reference))
        {
            return;
        }

        // Another instance may have written a different one meanwhile: the database skips an unchanged row too.
        await ExecuteAsync("INSERT INTO conversation_reference VALUES ($1, $2, $3) " +
            "ON CONFLICT (conversation_key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at " +
            "WHERE conversation_reference.reference <> excluded.reference",
            cancellationToken, conversationKey, ReferenceJson.Write(reference), DateTimeOffset.UtcNow);
        _writtenReferences.Remember(conversationKey, reference);
    }

    /// <inheritdoc />
    public async Task<StoredConversationReference?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var json = await ScalarAsync<string>("SELECT reference FROM conversation_reference WHERE conversation_key = $1", cancellationToken, conversationKey);
        return json is null ? null : ReferenceJson.Read(json);
    }

    /// <inheritdoc />
    public async Task RecordAnswerAsync(SentAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await ExecuteAsync("INSERT INTO sent_answer VALUES ($1, $2, $3, $4, $5) " +
            "ON CONFLICT (conversation_key, activity_id) DO UPDATE SET question = excluded.question, passage_id = excluded.passage_id, sent_at = excluded.sent_at",
            cancellationToken, answer.ConversationKey, answer.ActivityId, answer.Question, answer.PassageId, DateTimeOffset.UtcNow);
    }

    /// <inheritdoc />
    public Task<SentAnswer?> FindAnswerAsync(string conversationKey, string activityId, CancellationToken cancellationToken) => OnLiveConnectionAsync(async () =>
    {
        await using var command = Command("SELECT question, passage_id FROM sent_answer WHERE conversation_key = $1 AND activity_id = $2", conversationKey, activityId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SentAnswer(activityId, conversationKey, reader.GetString(0), reader.GetString(1)) : null;
    }, rerunnable: true);

    /// <inheritdoc />
    public async Task<bool> AddAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (await ExecuteAsync("""
            UPDATE feedback SET helpful = $4, comment = COALESCE($5, comment), created_at = $6
            WHERE conversation_key = $1 AND passage_id IS NOT DISTINCT FROM $3 AND question IS NOT DISTINCT FROM $2
            """, cancellationToken, feedback.ConversationKey, feedback.Question, feedback.PassageId, feedback.Helpful, feedback.Comment, feedback.At) > 0)
        {
            return false;
        }

        await ExecuteAsync("INSERT INTO feedback (conversation_key, question, passage_id, helpful, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            cancellationToken, feedback.ConversationKey, feedback.Question, feedback.PassageId, feedback.Helpful, feedback.Comment, feedback.At);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Feedback>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT conversation_key, question, passage_id, helpful, comment, created_at FROM feedback ORDER BY id DESC LIMIT $1", Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Feedback>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Feedback(reader.GetString(0), TextOrNull(reader, 1), TextOrNull(reader, 2), reader.GetBoolean(3), TextOrNull(reader, 4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return list;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _listenerSource.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listenerSource.Dispose();
        _dataSource.Dispose();
    }

    /// <summary>A command on a pooled connection (returned when the command or its reader is disposed), values as $1, $2….</summary>
    private NpgsqlCommand Command(string sql, params object?[] values)
    {
#pragma warning disable CA2100 // Statements are constants of this class; every value is a parameter.
        var command = _dataSource.CreateCommand(sql);
#pragma warning restore CA2100
        AddParameters(command, values);
        return command;
    }

    /// <summary>A command on <paramref name="connection"/> (and its transaction, if any), values as $1, $2….</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
#pragma warning disable CA2100 // Statements are constants of this class; every value is a parameter.
        var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        AddParameters(command, values);
        return command;
    }

    private static void AddParameters(NpgsqlCommand command, object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Storable(value) });
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Command(connection, sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A value as PostgreSQL takes it.</summary>
    private static object Storable(object? value) => value switch
    {
        null => DBNull.Value,

        // timestamptz takes UTC only.
        DateTimeOffset at => at.ToUniversalTime(),

        // PostgreSQL text cannot hold U+0000 (SQLite can): a NUL that came in a message becomes U+FFFD rather than
        // failing the write, which would lose the whole message for one invisible character.
        string text when text.Contains('\0', StringComparison.Ordinal) => text.Replace('\0', '\uFFFD'),
        _ => value,
    };

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    /// <inheritdoc />
    public async Task<int> DeleteConversationDataBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = await ExecuteAsync("DELETE FROM conversation_state WHERE updated_at < $1", cancellationToken, cutoff)
            + await ExecuteAsync("DELETE FROM sent_answer WHERE sent_at < $1", cancellationToken, cutoff)
            + await ExecuteAsync("DELETE FROM conversation_reference WHERE updated_at < $1 AND conversation_key NOT IN (SELECT conversation_key FROM ticket)", cancellationToken, cutoff);
        if (deleted > 0)
        {
            _writtenReferences.Clear();
        }

        return deleted;
    }

    /// <inheritdoc />
    public async Task<int> EraseConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);

        // One statement, so one transaction: all of it goes, or none of it. Deleting twice deletes nothing more.
        var deleted = await ScalarAsync<long>("""
            WITH s AS (DELETE FROM conversation_state WHERE conversation_key = $1 RETURNING 1),
                 r AS (DELETE FROM conversation_reference WHERE conversation_key = $1 RETURNING 1),
                 a AS (DELETE FROM sent_answer WHERE conversation_key = $1 RETURNING 1),
                 f AS (DELETE FROM feedback WHERE conversation_key = $1 RETURNING 1),
                 t AS (DELETE FROM ticket WHERE conversation_key = $1 RETURNING 1),
                 d AS (DELETE FROM directline_activity WHERE conversation_id = $2 RETURNING 1)
            SELECT (SELECT count(*) FROM s) + (SELECT count(*) FROM r) + (SELECT count(*) FROM a) + (SELECT count(*) FROM f)
                 + (SELECT count(*) FROM t) + (SELECT count(*) FROM d)
            """, cancellationToken, conversationKey, StoredActivities.ConversationOf(conversationKey) ?? string.Empty);
        _writtenReferences.Clear();
        return (int)deleted;
    }

    /// <inheritdoc />
    public Task RevokeAsync(string sessionId, DateTimeOffset until, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO revoked_session VALUES ($1, $2) ON CONFLICT (session_id) DO UPDATE SET until = $2", cancellationToken, sessionId, until);

    /// <inheritdoc />
    public async Task<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken) =>
        await ScalarAsync<string>("SELECT session_id FROM revoked_session WHERE session_id = $1", cancellationToken, sessionId) is not null;

    /// <inheritdoc />
    public Task<int> DeleteExpiredRevocationsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM revoked_session WHERE until < $1", cancellationToken, now);

    /// <inheritdoc />
    public Task<IReadOnlyList<SignInFailureCount>> ReadSignInFailuresAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) => OnLiveConnectionAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var command = Command("SELECT throttle_key, failures, last_failure_at FROM signin_failure WHERE throttle_key = ANY($1)", (object)keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<SignInFailureCount>(keys.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new SignInFailureCount(reader.GetString(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return (IReadOnlyList<SignInFailureCount>)counts;
    }, rerunnable: true);

    /// <inheritdoc />
    public Task RecordSignInFailureAsync(IReadOnlyCollection<string> keys, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);

        // One statement for every key; rows are taken in key order, so two sign-ins failing at once never wait on each other in a cycle.
        return ExecuteAsync("INSERT INTO signin_failure SELECT k, 1, $2 FROM unnest($1::text[]) AS k ORDER BY k ON CONFLICT (throttle_key) DO UPDATE SET " +
            "failures = CASE WHEN signin_failure.last_failure_at < $3 THEN 1 ELSE signin_failure.failures + 1 END, last_failure_at = excluded.last_failure_at",
            cancellationToken, keys.ToArray(), at, forgetBefore);
    }

    /// <inheritdoc />
    public Task ForgetSignInFailuresAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // The array is one parameter (not params of its own).
        return ExecuteAsync("DELETE FROM signin_failure WHERE throttle_key = ANY($1)", cancellationToken, (object)keys.ToArray());
    }

    /// <inheritdoc />
    public Task<int> DeleteSignInFailuresBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM signin_failure WHERE last_failure_at < $1", cancellationToken, cutoff);

    /// <inheritdoc />
    public Task<int> DeleteFeedbackBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM feedback WHERE created_at < $1", cancellationToken, cutoff);

    /// <inheritdoc />
    public Task<int> DeleteAuditBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM audit_log WHERE at < $1", cancellationToken, cutoff);

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values) => OnLiveConnectionAsync(async () =>
    {
        await using var command = Command(sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    });

    /// <summary>Reads one value (only reads: it runs again when a dead pooled connection failed it).</summary>
    private Task<T?> ScalarAsync<T>(string sql, CancellationToken cancellationToken, params object?[] values) => OnLiveConnectionAsync(async () =>
    {
        await using var command = Command(sql, values);
        return await command.ExecuteScalarAsync(cancellationToken) is T found ? found : default;
    }, rerunnable: true);

    /// <summary>
    /// Runs one operation (one statement, or one transaction) on a pooled connection, minding connections that died in
    /// the pool. When the server stops, every idle connection in the pool is dead and each would fail once when next
    /// handed out, so the first writes after an outage would be refused one by one. So on a failure of the connection
    /// itself (not an error of the statement) the pool is emptied at once. The operation then runs once more on a fresh
    /// connection if that is safe: when it is <paramref name="rerunnable"/> (a read, or a write made idempotent), or when
    /// the server had ended the session before the operation reached it (57P01/57P02 waiting on the idle connection, so
    /// nothing of it ran). Otherwise the failure stands: a statement cut off mid-way may have committed.
    /// </summary>
    private async Task<T> OnLiveConnectionAsync<T>(Func<Task<T>> operation, bool rerunnable = false)
    {
        try
        {
            return await operation();
        }
        catch (NpgsqlException e) when (IsEndedSession(e) || (rerunnable && IsBrokenConnection(e)))
        {
            _dataSource.Clear();
            return await operation();
        }
        catch (NpgsqlException e) when (IsBrokenConnection(e))
        {
            _dataSource.Clear();
            throw;
        }
    }

    /// <summary>Whether the server ended the session before the failed operation ran (an administrator's or a crash shutdown).</summary>
    internal static bool IsEndedSession(NpgsqlException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown };

    /// <summary>Whether the connection failed (rather than the statement): closed, reset or unreachable.</summary>
    internal static bool IsBrokenConnection(NpgsqlException exception) => exception is not PostgresException || IsEndedSession(exception);

    private static string? TextOrNull(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? TimeOrNull(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
