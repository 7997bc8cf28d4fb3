namespace DystoniaBot.Storage;

/// <summary>
/// Deleting what users wrote: what the retention sweep deletes besides Direct Line logs and tickets, and everything of
/// one conversation when its user asks.
/// </summary>
public interface IRetentionStore
{
    /// <summary>
    /// Deletes conversation state, sent answers and conversation references last written before
    /// <paramref name="cutoff"/>; a reference is kept while its conversation has a ticket (a staff answer may still need
    /// it). Returns how many rows went.
    /// </summary>
    Task<int> DeleteConversationDataBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes ratings (with their question and comment) given before <paramref name="cutoff"/>.</summary>
    Task<int> DeleteFeedbackBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes audit entries written before <paramref name="cutoff"/>.</summary>
    Task<int> DeleteAuditBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes everything kept of conversation <paramref name="conversationKey"/> (<c>channel/conversation</c>): its
    /// state, reference, sent answers, ratings and tickets, and for our Direct Line its activity log (the conversation
    /// itself stays, empty, so the reply saying so can be shown). Returns how many rows went.
    /// </summary>
    Task<int> EraseConversationAsync(string conversationKey, CancellationToken cancellationToken);
}
