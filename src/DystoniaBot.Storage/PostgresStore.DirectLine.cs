using System.Security.Cryptography;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;
using DystoniaBot.DirectLine;
using Npgsql;

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
    public Task<(Activity Activity, long Sequence)?> AppendAsync(string conversationId, Activity activity, AppendLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(limits);
        return OnLiveConnectionAsync(() => AppendOnceAsync(conversationId, activity, limits, cancellationToken));
    }

    private async Task<(Activity Activity, long Sequence)?> AppendOnceAsync(string conversationId, Activity activity, AppendLimits limits, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await SpendAsync(connection, conversationId, activity, limits, cancellationToken))
        {
            return null;
        }

        // The update locks the conversation's row until the commit: appends to one conversation, from any process,
        // take sequence numbers one after another.
        await using var next = Command(connection,
            "UPDATE directline_conversation SET next_sequence = next_sequence + 1, updated_at = $3 WHERE id = $1 AND next_sequence < $2 RETURNING next_sequence",
            conversationId, limits.MaxActivities, DateTimeOffset.UtcNow);
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

    /// <summary>
    /// Counts the activity's bytes against the host's and its conversation's budgets for today, if it has any; false
    /// when either would be exceeded. Replicas may together overshoot the host's budget by an activity or two.
    /// </summary>
    private static async Task<bool> SpendAsync(NpgsqlConnection connection, string conversationId, Activity activity, AppendLimits limits, CancellationToken cancellationToken)
    {
        if (limits.MaxBytesPerConversationPerDay is not { } perConversation)
        {
            return true;
        }

        var bytes = StoredActivities.StoredBytes(conversationId, activity);
        var day = StoredActivities.BudgetDay(DateTimeOffset.UtcNow);
        if (limits.MaxBytesPerDay is { } perHost)
        {
            await using var host = Command(connection, "SELECT bytes FROM directline_daily_bytes WHERE day = $1", day);
            if ((await host.ExecuteScalarAsync(cancellationToken) as long? ?? 0) + bytes > perHost)
            {
                return false;
            }
        }

        // Today's count goes up only while it stays within the budget: no row back means the activity is refused.
        await using var spend = Command(connection, """
            INSERT INTO directline_budget AS b VALUES ($1, $2, $3) ON CONFLICT (conversation_id) DO UPDATE
            SET bytes = CASE WHEN b.day = $2 THEN b.bytes + $3 ELSE $3 END, day = $2
            WHERE (CASE WHEN b.day = $2 THEN b.bytes ELSE 0 END) + $3 <= $4
            RETURNING bytes
            """, conversationId, day, bytes, perConversation);
        if (bytes > perConversation || await spend.ExecuteScalarAsync(cancellationToken) is null)
        {
            return false;
        }

        await ExecuteAsync(connection, "INSERT INTO directline_daily_bytes AS d VALUES ($1, $2) ON CONFLICT (day) DO UPDATE SET bytes = d.bytes + $2",
            cancellationToken, day, bytes);
        return true;
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
    public Task SaveResumeSecretAsync(string conversationId, string secretHash, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO directline_resume VALUES ($1, $2, $3)", cancellationToken, secretHash, conversationId, DateTimeOffset.UtcNow);

    /// <inheritdoc />
    public Task<string?> FindResumableAsync(string secretHash, CancellationToken cancellationToken) => OnLiveConnectionAsync(async () =>
    {
        await using var command = Command("SELECT conversation_id FROM directline_resume WHERE secret_hash = $1", secretHash);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }, rerunnable: true);

    /// <inheritdoc />
    /// <remarks>The log, the byte budget and the secrets go with the conversation (ON DELETE CASCADE).</remarks>
    public async Task ForgetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await StoredActivities.EraseForgottenAsync(this, conversationId, cancellationToken);
        await ExecuteAsync("DELETE FROM directline_conversation WHERE id = $1", cancellationToken, conversationId);
    }

    /// <inheritdoc />
    public Task<int> DeleteInactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        // The activity log and the byte budget go with their conversation (ON DELETE CASCADE); old days' totals too.
        ExecuteAsync($"""
            WITH old_days AS (DELETE FROM directline_daily_bytes WHERE day < $2)
            DELETE FROM directline_conversation c WHERE c.updated_at < $1 AND NOT {StoredActivities.AwaitedByATicket}
            """, cancellationToken, cutoff, StoredActivities.BudgetDay(cutoff));
}
