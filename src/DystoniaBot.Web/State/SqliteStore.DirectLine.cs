using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.Web.DirectLine;
using Microsoft.Data.Sqlite;

namespace DystoniaBot.Web.State;

// Direct Line conversations and their activity logs. Unlike conversation state these are written before the call
// returns: an activity the user posted, or a reply the bot sent, is on disk before anyone is told it exists.
public sealed partial class SqliteStore
{
    private byte[]? _signingKey;

    // Every request of a conversation checks it exists and whose it is, and that never changes once it has started:
    // remembered (bounded) rather than read each time. Deleting old conversations forgets them all.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DirectLineConversation> _startedConversations = new(StringComparer.Ordinal);

    private static void CreateDirectLineTables(SqliteConnection connection) => Execute(connection, """
        CREATE TABLE IF NOT EXISTS directline_setting (name TEXT PRIMARY KEY, value BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS directline_conversation (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, started INTEGER NOT NULL, next_sequence INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS directline_conversation_updated ON directline_conversation (updated_at);
        CREATE TABLE IF NOT EXISTS directline_activity (conversation_id TEXT NOT NULL, sequence INTEGER NOT NULL, activity TEXT NOT NULL, PRIMARY KEY (conversation_id, sequence));
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
            Remember(conversation);
        }

        return conversation;
    }

    /// <inheritdoc />
    public async Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE directline_conversation SET started = 1 WHERE id = $id AND started = 0", cancellationToken, ("$id", conversationId)) == 1;

    private void Remember(DirectLineConversation conversation)
    {
        if (_startedConversations.Count >= ConversationCache.MaxConversations)
        {
            _startedConversations.Clear();
        }

        _startedConversations[conversation.Id] = conversation;
    }

    /// <inheritdoc />
    public async Task<(Activity Activity, long Sequence)?> AppendAsync(string conversationId, Activity activity, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var next = Command(connection,
                "UPDATE directline_conversation SET next_sequence = next_sequence + 1, updated_at = $at WHERE id = $id AND next_sequence < $limit RETURNING next_sequence",
                ("$id", conversationId), ("$limit", limit), ("$at", Now()));
            next.Transaction = transaction;
            if (await next.ExecuteScalarAsync(cancellationToken) is not long sequence)
            {
                return null;
            }

            var stored = activity with { Id = StoredActivities.IdFor(conversationId, sequence) };
            await using var insert = Command(connection, "INSERT INTO directline_activity VALUES ($id, $sequence, $activity)",
                ("$id", conversationId), ("$sequence", sequence), ("$activity", JsonSerializer.Serialize(stored, ProtocolJson.Options)));
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (stored, sequence);
        }
        finally
        {
            _writer.Release();
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
    public async Task<int> DeleteInactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var before = cutoff.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        await ExecuteAsync("DELETE FROM directline_activity WHERE conversation_id IN (SELECT id FROM directline_conversation WHERE updated_at < $before)",
            cancellationToken, ("$before", before));
        var deleted = await ExecuteAsync("DELETE FROM directline_conversation WHERE updated_at < $before", cancellationToken, ("$before", before));
        _startedConversations.Clear();
        return deleted;
    }
}
