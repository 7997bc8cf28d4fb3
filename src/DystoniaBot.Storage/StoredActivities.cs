using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using DystoniaBot.BotFramework.Schema;
using DystoniaBot.BotFramework.Serialization;
using DystoniaBot.DirectLine;

namespace DystoniaBot.Storage;

/// <summary>Direct Line activities as every store keeps them: numbered per conversation, stored as protocol JSON.</summary>
internal static class StoredActivities
{
    /// <summary>
    /// SQL, true for Direct Line conversation <c>c</c> while a question from it waits for staff or its answer (or closing
    /// message) waits to be delivered: idle or not, it is kept, so that the answer can reach it and the visitor come
    /// back for it. Once delivered, the answer's activity starts the conversation's idle time again.
    /// </summary>
    public const string AwaitedByATicket =
        $"EXISTS (SELECT 1 FROM ticket t WHERE t.conversation_key = '{DirectLineChannel.ChannelId}/' || c.id AND (t.status = 0 OR t.delivery = 1))";

    /// <summary>Direct Line's activity id: the conversation and the sequence number, as the service itself does.</summary>
    public static string IdFor(string conversationId, long sequence) =>
        conversationId + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>
    /// What an activity takes on disk, as the daily byte budgets count it: its JSON in UTF-8, numbered (the sequence's
    /// digits are all the number changes, and it is not known yet when the budget is checked).
    /// </summary>
    public static long StoredBytes(string conversationId, Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity with { Id = IdFor(conversationId, 0) }, ProtocolJson.Options).LongLength;

    /// <summary>The UTC day a daily byte budget counts in.</summary>
    public static DateOnly BudgetDay(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The Direct Line conversation id of a conversation key (<c>channel/conversation</c>) of our Direct Line, else null.</summary>
    public static string? ConversationOf(string conversationKey) =>
        conversationKey.StartsWith(DirectLineChannel.ChannelId + "/", StringComparison.Ordinal) ? conversationKey[(DirectLineChannel.ChannelId.Length + 1)..] : null;

    /// <summary>
    /// "Forget this conversation": what the bot kept of Direct Line conversation <paramref name="conversationId"/> goes
    /// too, so staff are never left a question whose answer could reach nobody; audited as the chat's "delete my data"
    /// is (how many rows, never what).
    /// </summary>
    public static async Task EraseForgottenAsync<TStore>(TStore store, string conversationId, CancellationToken cancellationToken)
        where TStore : IRetentionStore, Handoff.ITicketStore
    {
        var erased = await store.EraseConversationAsync(DirectLineChannel.ChannelId + "/" + conversationId, cancellationToken);
        if (erased > 0)
        {
            await store.AuditAsync("user", "forgot their web conversation", $"{erased} rows", cancellationToken);
        }
    }

    /// <summary>Reads rows of (sequence, activity JSON), oldest first, into a set whose watermark is the last one read.</summary>
    public static async Task<ActivitySet> ReadSetAsync(DbDataReader reader, long watermark, CancellationToken cancellationToken)
    {
        var activities = new List<Activity>();
        var last = watermark;
        while (await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt64(0);
            activities.Add(JsonSerializer.Deserialize<Activity>(reader.GetString(1), ProtocolJson.Options)!);
        }

        return new ActivitySet(activities, last);
    }
}
