using DystoniaBot.BotFramework.Schema;

namespace DystoniaBot.DirectLine;

/// <summary>A Direct Line conversation: who it belongs to and whether the bot has been told it started.</summary>
/// <param name="Id">The conversation id.</param>
/// <param name="UserId">The user it belongs to.</param>
/// <param name="Started">Whether the bot has received its conversationUpdate.</param>
public sealed record DirectLineConversation(string Id, string UserId, bool Started);

/// <summary>Activities after a watermark, and the watermark to ask from next.</summary>
/// <param name="Activities">The activities, oldest first.</param>
/// <param name="Watermark">The sequence number of the last one (or the one asked from, when none are new).</param>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, long Watermark);

/// <summary>How much one append may add to a conversation's log.</summary>
/// <param name="MaxActivities">Activities the conversation may hold in all.</param>
/// <param name="MaxBytesPerConversationPerDay">
/// Bytes (of stored JSON) the conversation may add per UTC day, or null for no daily budget (the bot's replies).
/// </param>
/// <param name="MaxBytesPerDay">
/// Bytes (of stored JSON) all budgeted appends together may add per UTC day, across every process sharing the store.
/// </param>
public sealed record AppendLimits(int MaxActivities, long? MaxBytesPerConversationPerDay = null, long? MaxBytesPerDay = null);

/// <summary>Where Direct Line conversations and their activity logs live (SQLite by default).</summary>
public interface IDirectLineStore
{
    /// <summary>The key that signs tokens, created on first use and the same for every process sharing the store.</summary>
    Task<byte[]> GetSigningKeyAsync(CancellationToken cancellationToken);

    /// <summary>Creates a conversation for <paramref name="userId"/>.</summary>
    Task CreateConversationAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>The conversation, or null when it doesn't exist (or no longer does).</summary>
    Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Marks the conversation started; true for the one caller that did it.</summary>
    Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="activity"/> durably as the conversation's next activity, with its id set from the
    /// sequence number; null when that would go past one of <paramref name="limits"/>.
    /// </summary>
    Task<(Activity Activity, long Sequence)?> AppendAsync(string conversationId, Activity activity, AppendLimits limits, CancellationToken cancellationToken);

    /// <summary>
    /// Passes a typing activity, which is never stored, to the other processes sharing the store, for their sockets;
    /// does nothing where one process owns the store.
    /// </summary>
    Task ShareTypingAsync(string conversationId, Activity typing, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> activities after sequence number <paramref name="watermark"/>.</summary>
    Task<ActivitySet> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken);

    /// <summary>Records a resume secret's hash for <paramref name="conversationId"/>.</summary>
    Task SaveResumeSecretAsync(string conversationId, string secretHash, CancellationToken cancellationToken);

    /// <summary>The conversation a resume secret's hash belongs to, or null.</summary>
    Task<string?> FindResumableAsync(string secretHash, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the conversation, its log and its resume secrets, for good, and everything the bot kept of it (its
    /// state, reference, sent answers, ratings and questions to staff, none of which could reach it any more).
    /// </summary>
    Task ForgetConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes conversations whose last activity is older than <paramref name="cutoff"/>, except those a question sent
    /// to staff from them still waits on (for its answer, or for its delivery); returns how many.
    /// </summary>
    Task<int> DeleteInactiveSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
