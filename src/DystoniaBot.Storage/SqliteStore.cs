using System.Globalization;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.DirectLine;
using DystoniaBot.Handoff;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Storage;

/// <summary>
/// Conversation state, conversation references and feedback in one embedded SQLite file (the default storage).
/// The schema is created at startup; each operation opens a pooled connection, so the store is thread-safe.
/// </summary>
/// <remarks>
/// Conversation state and the log of sent answers are written behind: the turn reads and updates memory, and one
/// background writer stores the changes in batches, one transaction each, so no turn waits on the disk. A crash can
/// lose the last fraction of a second of "tell me more" context, never a rating or anything the user typed.
/// Ratings and conversation references are written before the call returns. Disposing flushes what is pending.
/// </remarks>
public sealed partial class SqliteStore : IConversationStateStore, IConversationReferenceStore, IFeedbackStore, IDirectLineStore, IRetentionStore, IRevokedSessions, ISignInFailures, IDisposable
{
    private const int MaxBatch = 2000;
    private const int MaxAppendGroup = 500;
    private static readonly TimeSpan GatherDelay = TimeSpan.FromMilliseconds(20);
    private readonly ConversationCache<ConversationState> _states = new();
    private readonly System.Threading.Channels.Channel<PendingWrite> _pending =
        System.Threading.Channels.Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly ILogger<SqliteStore> _logger;
    private readonly Task _backgroundWriter;
    private readonly System.Threading.Channels.Channel<PendingAppend> _appends =
        System.Threading.Channels.Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly Task _appender;
    private readonly Task _checkpointer;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private readonly string _connectionString;
    private readonly long _logLimitBytes;

    // SQLite lets one writer in at a time and makes the others sleep and retry; taking turns here instead keeps
    // concurrent turns from stalling each other.
    private readonly SemaphoreSlim _writer = new(1, 1);

    private readonly WrittenReferences _writtenReferences = new();

    /// <summary>Opens (and if needed creates) the database.</summary>
    public SqliteStore(IOptions<StorageOptions> options, ILogger<SqliteStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        var path = options.Value.ResolvedSqlitePath;
        _logLimitBytes = options.Value.SqliteLogLimitMegabytes * 1024L * 1024L;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        RestrictToOwner(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS conversation_state (conversation_key TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS conversation_reference (conversation_key TEXT PRIMARY KEY, reference TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS sent_answer (conversation_key TEXT NOT NULL, activity_id TEXT NOT NULL, question TEXT NOT NULL, passage_id TEXT NOT NULL, sent_at TEXT NOT NULL, PRIMARY KEY (conversation_key, activity_id));
            CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_key TEXT NOT NULL, question TEXT, passage_id TEXT, helpful INTEGER NOT NULL, comment TEXT, created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS revoked_session (session_id TEXT PRIMARY KEY, until TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS signin_failure (throttle_key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS signin_failure_last ON signin_failure (last_failure_at);
            """);
        CreateDirectLineTables(connection);
        CreateTicketTables(connection);
        CreateCuratedSubmissionTable(connection);
        CreateKeyRingTable(connection);
        _backgroundWriter = Task.Run(WriteBehindAsync);
        _appender = Task.Run(AppendInGroupsAsync);
        _checkpointer = Task.Run(CheckpointAsync);
    }

    /// <inheritdoc />
    public async Task<ConversationState> GetAsync(string conversationKey, CancellationToken cancellationToken)
    {
        if (_states.TryGetValue(conversationKey, out var cached))
        {
            return cached;
        }

        var json = await ScalarAsync("SELECT state FROM conversation_state WHERE conversation_key = $key", cancellationToken, ("$key", conversationKey));
        return json is null ? ConversationState.Empty : JsonSerializer.Deserialize<ConversationState>(json) ?? ConversationState.Empty;
    }

    /// <inheritdoc />
    public Task SetAsync(string conversationKey, ConversationState state, CancellationToken cancellationToken)
    {
        // Forgetting is safe: every state is also on its way to the database.
        _states.Set(conversationKey, state);
        _pending.Writer.TryWrite(new PendingWrite(
            "INSERT INTO conversation_state VALUES ($key, $value, $at) ON CONFLICT(conversation_key) DO UPDATE SET state = $value, updated_at = $at",
            [("$key", conversationKey), ("$value", JsonSerializer.Serialize(state)), ("$at", Now())],
            null,
            "state:" + conversationKey));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task SaveAsync(string conversationKey, StoredConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_writtenReferences.IsUnchanged(conversationKey, reference))
        {
            return;
        }

        var json = ReferenceJson.Write(reference);
        await ExecuteAsync("INSERT INTO conversation_reference VALUES ($key, $value, $at) ON CONFLICT(conversation_key) DO UPDATE SET reference = $value, updated_at = $at",
            cancellationToken, ("$key", conversationKey), ("$value", json), ("$at", Now()));
        _writtenReferences.Remember(conversationKey, reference);
    }

    /// <inheritdoc />
    public async Task<StoredConversationReference?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var json = await ScalarAsync("SELECT reference FROM conversation_reference WHERE conversation_key = $key", cancellationToken, ("$key", conversationKey));
        return json is null ? null : ReferenceJson.Read(json);
    }

    /// <inheritdoc />
    public Task RecordAnswerAsync(SentAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        WriteBehind("INSERT OR REPLACE INTO sent_answer VALUES ($key, $id, $question, $passage, $at)",
            ("$key", answer.ConversationKey), ("$id", answer.ActivityId), ("$question", answer.Question), ("$passage", answer.PassageId), ("$at", Now()));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SentAnswer?> FindAnswerAsync(string conversationKey, string activityId, CancellationToken cancellationToken)
    {
        // A rating may follow its answer within milliseconds: let the pending writes land first.
        await FlushAsync(cancellationToken);
        await using var connection = Open();
        await using var command = Command(connection, "SELECT question, passage_id FROM sent_answer WHERE conversation_key = $key AND activity_id = $id",
            ("$key", conversationKey), ("$id", activityId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SentAnswer(activityId, conversationKey, reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <inheritdoc />
    public async Task<bool> AddAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        (string, object?)[] values = [("$key", feedback.ConversationKey), ("$question", feedback.Question), ("$passage", feedback.PassageId),
            ("$helpful", feedback.Helpful ? 1 : 0), ("$comment", feedback.Comment), ("$at", feedback.At.ToString("O", CultureInfo.InvariantCulture))];
        if (await ExecuteAsync("""
            UPDATE feedback SET helpful = $helpful, comment = COALESCE($comment, comment), created_at = $at
            WHERE conversation_key = $key AND passage_id IS $passage AND question IS $question
            """, cancellationToken, values) > 0)
        {
            return false;
        }

        await ExecuteAsync("INSERT INTO feedback (conversation_key, question, passage_id, helpful, comment, created_at) VALUES ($key, $question, $passage, $helpful, $comment, $at)",
            cancellationToken, values);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Feedback>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = Command(connection, "SELECT conversation_key, question, passage_id, helpful, comment, created_at FROM feedback ORDER BY id DESC LIMIT $limit", ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<Feedback>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Feedback(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3) == 1, reader.IsDBNull(4) ? null : reader.GetString(4), DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    /// <summary>Waits until every write queued so far is in the database.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Writer.TryWrite(new PendingWrite(null, [], flushed));
        await flushed.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The store is registered under several interfaces, so the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _pending.Writer.TryComplete();
        _appends.Writer.TryComplete();
        _backgroundWriter.Wait(TimeSpan.FromSeconds(10));
        _appender.Wait(TimeSpan.FromSeconds(10));
        _stopping.Cancel();
        _checkpointer.Wait(TimeSpan.FromSeconds(10));
        _stopping.Dispose();
        _writer.Dispose();
    }

    /// <summary>
    /// Copies the write-ahead log into the database file once a second, off every request's path. Left to SQLite, the
    /// commit that fills the log to 1,000 pages does it (and syncs the file) while its turn waits: measured, that put
    /// Direct Line's slowest replies in the tens of milliseconds even with one visitor. A passive checkpoint waits
    /// for no reader or writer; what it can't copy yet, the next one does.
    /// </summary>
    /// <remarks>
    /// A passive checkpoint never empties the log, and SQLite starts it again from the beginning only when no reader
    /// is using it, which under steady traffic is never: the soak grew it by about 9 MB a second. Past the limit the
    /// checkpointer takes the writer's turn and truncates it (little is left to copy by then).
    /// </remarks>
    private async Task CheckpointAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await using var connection = Open();
                    if (Checkpoint(connection, "PASSIVE") > _logLimitBytes / PageSize(connection))
                    {
                        await _writer.WaitAsync(_stopping.Token);
                        try
                        {
                            Checkpoint(connection, "TRUNCATE");
                        }
                        finally
                        {
                            _writer.Release();
                        }
                    }
                }
#pragma warning disable CA1031 // The checkpointer must outlive a failed checkpoint (disk full, locked file); the next tick tries again.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogCheckpointFailed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Runs a checkpoint in <paramref name="mode"/>; returns how many pages the log holds.</summary>
    private static long Checkpoint(SqliteConnection connection, string mode)
    {
        using var command = Command(connection, $"PRAGMA wal_checkpoint({mode})");
        using var reader = command.ExecuteReader();
        return reader.Read() ? reader.GetInt64(1) : 0;
    }

    private static long PageSize(SqliteConnection connection)
    {
        using var command = Command(connection, "PRAGMA page_size");
        return (long)command.ExecuteScalar()!;
    }

    private void WriteBehind(string sql, params (string Name, object? Value)[] parameters) => _pending.Writer.TryWrite(new PendingWrite(sql, parameters, null));

    private async Task WriteBehindAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            // A short pause lets a busy moment's writes gather into one transaction, where repeated turns of a
            // conversation collapse into one state write.
            await Task.Delay(GatherDelay);
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await _writer.WaitAsync();
            try
            {
                await WriteBatchAsync(batch);
            }
#pragma warning disable CA1031 // The writer must outlive a failed batch (disk full, locked file); the next batch tries the database again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogWriteFailed(_logger, batch.Count, e);
            }
            finally
            {
                _writer.Release();
            }

            foreach (var write in batch)
            {
                write.Flushed?.TrySetResult();
            }

            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        var lastByKey = new Dictionary<string, PendingWrite>(StringComparer.Ordinal);
        foreach (var write in batch.Where(b => b.CoalesceKey is not null))
        {
            lastByKey[write.CoalesceKey!] = write;
        }

        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        // Several turns of one conversation in a batch need only its last state written; statements of the same
        // text share one prepared command.
        var commands = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
        try
        {
            foreach (var write in batch.Where(b => b.Sql is not null && (b.CoalesceKey is null || ReferenceEquals(b, lastByKey[b.CoalesceKey]))))
            {
                if (!commands.TryGetValue(write.Sql!, out var command))
                {
                    command = Command(connection, write.Sql!, write.Parameters);
                    command.Transaction = transaction;
                    command.Prepare();
                    commands.Add(write.Sql!, command);
                }
                else
                {
                    foreach (var (name, value) in write.Parameters)
                    {
                        command.Parameters[name].Value = value ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();

        // In WAL mode NORMAL never corrupts the file; a power cut may lose the last turn's state, not a ticket. The
        // log is copied into the file by the store's own checkpointer, never by a commit (see CheckpointAsync).
        using var pragma = connection.CreateCommand();
        // secure_delete: a deleted row (a question, an answer) is overwritten, not left readable in free pages.
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; PRAGMA secure_delete = ON";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Health questions and the Direct Line signing key live in this file: it is created readable by this user only,
    /// and an existing one is made so. SQLite gives its -wal and -shm files the database file's permissions.
    /// </summary>
    private static void RestrictToOwner(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.SetUnixFileMode(file, OwnerOnly);
        }
    }

    /// <inheritdoc />
    public async Task<int> DeleteConversationDataBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // States are written behind: what is queued lands first, so none comes back after the sweep.
        await FlushAsync(cancellationToken);
        var before = Format(cutoff);
        var deleted = await ExecuteAsync("DELETE FROM conversation_state WHERE updated_at < $cutoff", cancellationToken, ("$cutoff", before))
            + await ExecuteAsync("DELETE FROM sent_answer WHERE sent_at < $cutoff", cancellationToken, ("$cutoff", before))
            + await ExecuteAsync("DELETE FROM conversation_reference WHERE updated_at < $cutoff AND conversation_key NOT IN (SELECT conversation_key FROM ticket)",
                cancellationToken, ("$cutoff", before));
        if (deleted > 0)
        {
            // Whatever was cached of them goes too (only recent conversations are cached, so this is rare).
            _states.Clear();
            _writtenReferences.Clear();
        }

        return deleted;
    }

    /// <inheritdoc />
    public async Task<int> EraseConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        await FlushAsync(cancellationToken);
        var directLineId = StoredActivities.ConversationOf(conversationKey);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            // One transaction: all of it goes, or (the database failing) none of it.
            await using var connection = Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var deleted = 0;
            foreach (var sql in new[]
            {
                "DELETE FROM conversation_state WHERE conversation_key = $key", "DELETE FROM conversation_reference WHERE conversation_key = $key",
                "DELETE FROM sent_answer WHERE conversation_key = $key", "DELETE FROM feedback WHERE conversation_key = $key",
                "DELETE FROM ticket WHERE conversation_key = $key", "DELETE FROM directline_activity WHERE conversation_id = $id",
            })
            {
                await using var command = Command(connection, sql, ("$key", conversationKey), ("$id", directLineId ?? string.Empty));
                command.Transaction = transaction;
                deleted += await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            _states.Clear();
            _writtenReferences.Clear();

            // The erased rows' pages are overwritten (secure_delete), but the log still holds their earlier copies
            // until it is emptied: at once, so nothing of the conversation can be read from the files afterwards.
            Checkpoint(connection, "TRUNCATE");
            return deleted;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc />
    public Task RevokeAsync(string sessionId, DateTimeOffset until, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO revoked_session VALUES ($id, $until) ON CONFLICT(session_id) DO UPDATE SET until = $until", cancellationToken,
            ("$id", sessionId), ("$until", Format(until)));

    /// <inheritdoc />
    public async Task<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT session_id FROM revoked_session WHERE session_id = $id", cancellationToken, ("$id", sessionId)) is not null;

    /// <inheritdoc />
    public Task<int> DeleteExpiredRevocationsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM revoked_session WHERE until < $now", cancellationToken, ("$now", Format(now)));

    /// <inheritdoc />
    public async Task<IReadOnlyList<SignInFailureCount>> ReadSignInFailuresAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var counts = new List<SignInFailureCount>(keys.Count);
        await using var connection = Open();
        foreach (var key in keys)
        {
            await using var command = Command(connection, "SELECT failures, last_failure_at FROM signin_failure WHERE throttle_key = $key", ("$key", key));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                counts.Add(new SignInFailureCount(key, reader.GetInt32(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture)));
            }
        }

        return counts;
    }

    /// <inheritdoc />
    public Task RecordSignInFailureAsync(IReadOnlyCollection<string> keys, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken) =>
        InOneTransactionAsync(keys, "INSERT INTO signin_failure VALUES ($key, 1, $at) ON CONFLICT(throttle_key) DO UPDATE SET " +
            "failures = CASE WHEN last_failure_at < $forget THEN 1 ELSE failures + 1 END, last_failure_at = $at",
            cancellationToken, ("$at", Format(at)), ("$forget", Format(forgetBefore)));

    /// <inheritdoc />
    public Task ForgetSignInFailuresAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        InOneTransactionAsync(keys, "DELETE FROM signin_failure WHERE throttle_key = $key", cancellationToken);

    /// <inheritdoc />
    public Task<int> DeleteSignInFailuresBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM signin_failure WHERE last_failure_at < $cutoff", cancellationToken, ("$cutoff", Format(cutoff)));

    /// <summary>Runs <paramref name="sql"/> once per key (as <c>$key</c>), all in one transaction, as the one writer.</summary>
    private async Task InOneTransactionAsync(IReadOnlyCollection<string> keys, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            foreach (var key in keys)
            {
                await using var command = Command(connection, sql, [("$key", key), .. parameters]);
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc />
    public Task<int> DeleteFeedbackBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM feedback WHERE created_at < $cutoff", cancellationToken, ("$cutoff", Format(cutoff)));

    /// <inheritdoc />
    public Task<int> DeleteAuditBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM audit_log WHERE at < $cutoff", cancellationToken, ("$cutoff", Format(cutoff)));

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Statements are constants of this class; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a statement as the one writer; returns the rows it changed.</summary>
    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var command = Command(connection, sql, parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<string?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not checkpoint the SQLite write-ahead log")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} pending conversation-state writes")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    /// <summary>
    /// A statement waiting for the background writer, or (Sql null) a flush marker. Writes with the same coalesce key
    /// replace each other: only the last of a batch runs.
    /// </summary>
    private sealed record PendingWrite(string? Sql, (string Name, object? Value)[] Parameters, TaskCompletionSource? Flushed, string? CoalesceKey = null);
}
