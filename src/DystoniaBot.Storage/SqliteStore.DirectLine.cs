using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;
using DystoniaBot.DirectLine;
using Microsoft.Data.Sqlite;

namespace DystoniaBot.Storage;

// Direct Line conversations and their activity logs. Unlike conversation state these are written before the call
// returns: an activity the user posted, or a reply the bot sent, is on disk before anyone is told it exists.
public sealed partial class SqliteStore
{
    private byte[]? _signingKey;

    // Every request of a conversation checks it exists and whose it is, and that never changes once it has started:
    // remembered (bounded) rather than read each time. Deleting old conversations forgets them all.
    private readonly ConversationCache<DirectLineConversation> _startedConversations = new();

    private static void CreateDirectLineTables(SqliteConnection connection) => Execute(connection, """
        CREATE TABLE IF NOT EXISTS directline_setting (name TEXT PRIMARY KEY, value BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS directline_conversation (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, started INTEGER NOT NULL, next_sequence INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS directline_conversation_updated ON directline_conversation (updated_at);
        CREATE TABLE IF NOT EXISTS directline_activity (conversation_id TEXT NOT NULL, sequence INTEGER NOT NULL, activity TEXT NOT NULL, PRIMARY KEY (conversation_id, sequence));
        CREATE TABLE IF NOT EXISTS directline_budget (conversation_id TEXT PRIMARY KEY, day TEXT NOT NULL, bytes INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS directline_daily_bytes (day TEXT PRIMARY KEY, bytes INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS directline_resume (secret_hash TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS directline_resume_conversation ON directline_resume (conversation_id);
        """);

    /// <inheritdoc />
    public async Task<byte[]> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        if (_signingKey is { } known)
        {
            return known;
        }

        await ExecuteAsync("INSERT OR IGNORE INTO directline_setting VALUES ('token_key', $key)", cancellationToken, ("$key", RandomNumberGenerator.GetBytes(32)));
        await using var connection = Open();
        await using var command = Command(connection, "SELECT value FROM directline_setting WHERE name = 'token_key'");
        return _signingKey = (byte[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public Task CreateConversationAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO directline_conversation VALUES ($id, $user, 0, 0, $at, $at)", cancellationToken, ("$id", conversationId), ("$user", userId), ("$at", Now()));

    /// <inheritdoc />
    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_startedConversations.TryGetValue(conversationId, out var known))
        {
            return known;
        }

        await using var connection = Open();
        await using var command = Command(connection, "SELECT user_id, started FROM directline_conversation WHERE id = $id", ("$id", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var conversation = new DirectLineConversation(conversationId, reader.GetString(0), reader.GetInt64(1) == 1);
        if (conversation.Started)
        {
            _startedConversations.Set(conversation.Id, conversation);
        }

        return conversation;
    }

    /// <inheritdoc />
    public async Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE directline_conversation SET started = 1 WHERE id = $id AND started = 0", cancellationToken, ("$id", conversationId)) == 1;

    /// <inheritdoc />
    /// <remarks>
    /// The activity joins the appends waiting for the writer; they are committed together (see
    /// <see cref="AppendInGroupsAsync"/>). Once queued it is stored even if the caller stops waiting, as a message
    /// that reached the server before the client went away would be.
    /// </remarks>
    public async Task<(Activity Activity, long Sequence)?> AppendAsync(string conversationId, Activity activity, AppendLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(limits);
        var append = new PendingAppend(conversationId, activity, limits);
        ObjectDisposedException.ThrowIf(!_appends.Writer.TryWrite(append), this);

        return await append.Stored.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The group commit of Direct Line's durable writes. Every append waiting when the writer is free goes into one
    /// transaction, and each caller is released when it commits. One at a time, each turn's two appends (the user's
    /// message and the reply) queued behind every other visitor's, and the opening, statement parsing and commit of a
    /// transaction each (~0.8 ms) capped the whole instance near 430 replies a second; in a group they are paid once.
    /// </summary>
    private async Task AppendInGroupsAsync()
    {
        var group = new List<PendingAppend>(MaxAppendGroup);
        AppendStatements? statements = null;
        try
        {
            while (await _appends.Reader.WaitToReadAsync())
            {
                while (group.Count < MaxAppendGroup && _appends.Reader.TryRead(out var append))
                {
                    group.Add(append);
                }

                await _writer.WaitAsync();
                try
                {
                    statements ??= new AppendStatements(Open());
                    await statements.CommitAsync(group);
                }
#pragma warning disable CA1031 // The writer must outlive a failed group (disk full, locked file); each caller gets its own outcome.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    // The connection may be what failed: the next group opens a new one. Retried alone, one bad append
                    // fails only its own caller.
                    statements?.Dispose();
                    statements = null;
                    if (group.Count == 1)
                    {
                        group[0].Stored.TrySetException(e);
                    }
                    else
                    {
                        foreach (var append in group)
                        {
                            statements = await CommitAloneAsync(append, statements);
                        }
                    }
                }
                finally
                {
                    _writer.Release();
                }

                group.Clear();
            }
        }
        finally
        {
            statements?.Dispose();
        }
    }

    private async Task<AppendStatements?> CommitAloneAsync(PendingAppend append, AppendStatements? statements)
    {
        try
        {
            statements ??= new AppendStatements(Open());
            await statements.CommitAsync([append]);
            return statements;
        }
#pragma warning disable CA1031 // The exception is the caller's to see.
        catch (Exception e)
#pragma warning restore CA1031
        {
            append.Stored.TrySetException(e);
            statements?.Dispose();
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>One process owns the SQLite file, and its own sockets already have the typing.</remarks>
    public Task ShareTypingAsync(string conversationId, Activity typing, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<ActivitySet> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = Command(connection,
            "SELECT sequence, activity FROM directline_activity WHERE conversation_id = $id AND sequence > $watermark ORDER BY sequence LIMIT $max",
            ("$id", conversationId), ("$watermark", watermark), ("$max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await StoredActivities.ReadSetAsync(reader, watermark, cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveResumeSecretAsync(string conversationId, string secretHash, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO directline_resume VALUES ($hash, $id, $at)", cancellationToken, ("$hash", secretHash), ("$id", conversationId), ("$at", Now()));

    /// <inheritdoc />
    public async Task<string?> FindResumableAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = Command(connection, "SELECT conversation_id FROM directline_resume WHERE secret_hash = $hash", ("$hash", secretHash));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <inheritdoc />
    public async Task ForgetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await StoredActivities.EraseForgottenAsync(this, conversationId, cancellationToken);
        await ExecuteAsync("""
            DELETE FROM directline_resume WHERE conversation_id = $id;
            DELETE FROM directline_budget WHERE conversation_id = $id;
            DELETE FROM directline_activity WHERE conversation_id = $id;
            DELETE FROM directline_conversation WHERE id = $id;
            """, cancellationToken, ("$id", conversationId));
        _startedConversations.Clear();
    }

    /// <inheritdoc />
    public async Task<int> DeleteInactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var before = cutoff.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        const string Idle = $"SELECT c.id FROM directline_conversation c WHERE c.updated_at < $before AND NOT {StoredActivities.AwaitedByATicket}";
        await ExecuteAsync($"DELETE FROM directline_activity WHERE conversation_id IN ({Idle})", cancellationToken, ("$before", before));
        await ExecuteAsync($"DELETE FROM directline_budget WHERE conversation_id IN ({Idle})", cancellationToken, ("$before", before));
        await ExecuteAsync($"DELETE FROM directline_resume WHERE conversation_id IN ({Idle})", cancellationToken, ("$before", before));
        await ExecuteAsync("DELETE FROM directline_daily_bytes WHERE day < $day", cancellationToken, ("$day", BudgetDay(cutoff)));
        var deleted = await ExecuteAsync($"DELETE FROM directline_conversation WHERE id IN ({Idle})", cancellationToken, ("$before", before));
        _startedConversations.Clear();
        return deleted;
    }

    /// <summary>An activity waiting to be numbered and stored; completed with it, or null when the conversation is full.</summary>
    private sealed record PendingAppend(string ConversationId, Activity Activity, AppendLimits Limits)
    {
        public TaskCompletionSource<(Activity Activity, long Sequence)?> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static string BudgetDay(DateTimeOffset at) => StoredActivities.BudgetDay(at).ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The group commit's own connection and its statements, prepared once and kept while they work.</summary>
    private sealed class AppendStatements : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _next;
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _hostBytes;
        private readonly SqliteCommand _spendConversation;
        private readonly SqliteCommand _spendHost;

        public AppendStatements(SqliteConnection connection)
        {
            _connection = connection;
            _next = Command(connection,
                "UPDATE directline_conversation SET next_sequence = next_sequence + 1, updated_at = $at WHERE id = $id AND next_sequence < $limit RETURNING next_sequence",
                ("$id", ""), ("$limit", 0), ("$at", ""));
            _insert = Command(connection, "INSERT INTO directline_activity VALUES ($id, $sequence, $activity)", ("$id", ""), ("$sequence", 0L), ("$activity", ""));
            _hostBytes = Command(connection, "SELECT bytes FROM directline_daily_bytes WHERE day = $day", ("$day", ""));

            // Today's count goes up only while it stays within the budget: no row back means the activity is refused.
            _spendConversation = Command(connection, """
                INSERT INTO directline_budget VALUES ($id, $day, $bytes) ON CONFLICT (conversation_id) DO UPDATE
                SET bytes = CASE WHEN day = $day THEN bytes + $bytes ELSE $bytes END, day = $day
                WHERE (CASE WHEN day = $day THEN bytes ELSE 0 END) + $bytes <= $max
                RETURNING bytes
                """, ("$id", ""), ("$day", ""), ("$bytes", 0L), ("$max", 0L));
            _spendHost = Command(connection, "INSERT INTO directline_daily_bytes VALUES ($day, $bytes) ON CONFLICT (day) DO UPDATE SET bytes = bytes + $bytes",
                ("$day", ""), ("$bytes", 0L));
            foreach (var command in new[] { _next, _insert, _hostBytes, _spendConversation, _spendHost })
            {
                command.Prepare();
            }
        }

        /// <summary>Numbers and stores the group's activities in one transaction, then releases their callers.</summary>
        public async Task CommitAsync(IReadOnlyList<PendingAppend> group)
        {
            var results = new (Activity Activity, long Sequence)?[group.Count];
            await using (var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync())
            {
                foreach (var command in new[] { _next, _insert, _hostBytes, _spendConversation, _spendHost })
                {
                    command.Transaction = transaction;
                }

                var now = DateTimeOffset.UtcNow;
                var at = now.ToString("O", CultureInfo.InvariantCulture);
                var day = BudgetDay(now);
                for (var i = 0; i < group.Count; i++)
                {
                    var append = group[i];
                    if (!await SpendAsync(append, day))
                    {
                        continue;
                    }

                    _next.Parameters["$id"].Value = append.ConversationId;
                    _next.Parameters["$limit"].Value = append.Limits.MaxActivities;
                    _next.Parameters["$at"].Value = at;
                    if (await _next.ExecuteScalarAsync() is not long sequence)
                    {
                        continue;
                    }

                    var stored = append.Activity with { Id = StoredActivities.IdFor(append.ConversationId, sequence) };
                    _insert.Parameters["$id"].Value = append.ConversationId;
                    _insert.Parameters["$sequence"].Value = sequence;
                    _insert.Parameters["$activity"].Value = JsonSerializer.Serialize(stored, ProtocolJson.Options);
                    await _insert.ExecuteNonQueryAsync();
                    results[i] = (stored, sequence);
                }

                await transaction.CommitAsync();
            }

            // Nobody hears of an activity before it is on disk.
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Stored.TrySetResult(results[i]);
            }
        }

        /// <summary>Counts the activity's bytes against the host's and its conversation's budgets for today, if it has any.</summary>
        private async Task<bool> SpendAsync(PendingAppend append, string day)
        {
            if (append.Limits.MaxBytesPerConversationPerDay is not { } perConversation)
            {
                return true;
            }

            var bytes = StoredActivities.StoredBytes(append.ConversationId, append.Activity);

            _hostBytes.Parameters["$day"].Value = day;
            if (append.Limits.MaxBytesPerDay is { } perHost && (await _hostBytes.ExecuteScalarAsync() as long? ?? 0) + bytes > perHost)
            {
                return false;
            }

            _spendConversation.Parameters["$id"].Value = append.ConversationId;
            _spendConversation.Parameters["$day"].Value = day;
            _spendConversation.Parameters["$bytes"].Value = bytes;
            _spendConversation.Parameters["$max"].Value = perConversation;
            if (bytes > perConversation || await _spendConversation.ExecuteScalarAsync() is null)
            {
                return false;
            }

            _spendHost.Parameters["$day"].Value = day;
            _spendHost.Parameters["$bytes"].Value = bytes;
            await _spendHost.ExecuteNonQueryAsync();
            return true;
        }

        public void Dispose()
        {
            foreach (var command in new[] { _next, _insert, _hostBytes, _spendConversation, _spendHost })
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }
}
