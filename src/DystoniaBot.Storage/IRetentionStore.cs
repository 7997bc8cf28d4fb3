namespace DystoniaBot.Storage;

/// <summary>What the retention sweep deletes besides Direct Line logs and tickets (each store defines them).</summary>
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
}
