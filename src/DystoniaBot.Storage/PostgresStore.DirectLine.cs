using System.Security.Cryptography;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;
using DystoniaBot.DirectLine;

namespace DystoniaBot.Storage;

// Direct Line conversations and their activity logs, written before the call returns like every write here. Nothing
// but the signing key is remembered in memory: another process may create, start or delete a conversation. Each append
// is announced on DirectLineNotices.Channel, so that sockets open on other processes hear of it at once; so is typing,
// which is never stored.
public sealed partial class PostgresStore : IDirectLineStore
{
    private byte[]? _signingKey;

    /// <summary>This process's mark on the typing it shares, so that its listener skips its own.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    public async Task ShareTypingAsync(string conversationId, Activity typing, CancellationToken cancellationToken) =>
        await ExecuteAsync("SELECT pg_notify($1, $2)", cancellationToken, DirectLineNotices.Channel, DirectLineNotices.FormatTyping(InstanceId, conversationId, typing));

    /// <inheritdoc />
    public async Task<byte[]> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        if (_signingKey is { } known)
        {
            return known;
        }

        // The first process to get here creates the key; every other one, now or later, reads that same key.
        await ExecuteAsync("INSERT INTO directline_setting VALUES ('token_key', $1) ON CONFLICT (name) DO NOTHING", cancellationToken, RandomNumberGenerator.GetBytes(32));
        return _signingKey = (await ScalarAsync<byte[]>("SELECT value FROM directline_setting WHERE name = 'token_key'", cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task CreateConversationAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        await ExecuteAsync("INSERT INTO directline_conversation VALUES ($1, $2, false, 0, $3, $3)", cancellationToken, conversationId, userId, DateTimeOffset.UtcNow);

    /// <inheritdoc />
    public Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) => OnLiveConnectionAsync(async () =>
    {
        await using var command = Command("SELECT user_id, started FROM directline_conversation WHERE id = $1", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new DirectLineConversation(conversationId, reader.GetString(0), reader.GetBoolean(1)) : null;
    }, rerunnable: true);

    /// <inheritdoc />
    public async Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE directline_conversation SET started = true WHERE id = $1 AND NOT started", cancellationToken, conversationId) == 1;

    /// <inheritdoc />
    public Task<(Activity Activity, long Sequence)?> AppendAsync(string conversationId, Activity activity, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return OnLiveConnectionAsync(() => AppendOnceAsync(conversationId, activity, limit, cancellationToken));
    }

    private async Task<(Activity Activity, long Sequence)?> AppendOnceAsync(string conversationId, Activity activity, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The update locks the conversation's row until the commit: appends to one conversation, from any process,
        // take sequence numbers one after another.
        await using var next = Command(connection,
            "UPDATE directline_conversation SET next_sequence = next_sequence + 1, updated_at = $3 WHERE id = $1 AND next_sequence < $2 RETURNING next_sequence",
            conversationId, limit, DateTimeOffset.UtcNow);
        if (await next.ExecuteScalarAsync(cancellationToken) is not long sequence)
        {
            return null;
        }

        var stored = activity with { Id = StoredActivities.IdFor(conversationId, sequence) };
        await ExecuteAsync(connection, "INSERT INTO directline_activity VALUES ($1, $2, $3)", cancellationToken,
            conversationId, sequence, JsonSerializer.Serialize(stored, ProtocolJson.Options));

        // Heard by every process sharing the database (this one too) when, and only if, the commit succeeds.
        await ExecuteAsync(connection, "SELECT pg_notify($1, $2)", cancellationToken, DirectLineNotices.Channel, DirectLineNotices.Format(conversationId, sequence));
        await transaction.CommitAsync(cancellationToken);
        return (stored, sequence);
    }

    /// <inheritdoc />
    public Task<ActivitySet> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken) => OnLiveConnectionAsync(async () =>
    {
        await using var command = Command("SELECT sequence, activity FROM directline_activity WHERE conversation_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3",
            conversationId, watermark, Math.Max(0, max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await StoredActivities.ReadSetAsync(reader, watermark, cancellationToken);
    }, rerunnable: true);

    /// <inheritdoc />
    public Task<int> DeleteInactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        // The activity log goes with its conversation (ON DELETE CASCADE).
        ExecuteAsync("DELETE FROM directline_conversation WHERE updated_at < $1", cancellationToken, cutoff);
}
