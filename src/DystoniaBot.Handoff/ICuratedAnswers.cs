namespace DystoniaBot.Handoff;

/// <summary>A staff answer promoted, after review, to an entry the bot answers from.</summary>
/// <param name="Id">The entry's id (also its knowledge document id).</param>
/// <param name="Question">The question it answers (the entry's title).</param>
/// <param name="Answer">The answer the bot quotes.</param>
/// <param name="Author">The staff member who wrote the answer.</param>
/// <param name="ReviewedAt">When it was reviewed and promoted.</param>
/// <param name="ReviewedBy">Who reviewed and promoted it.</param>
/// <param name="TicketReference">The ticket the answer came from, if any.</param>
public sealed record CuratedAnswer(string Id, string Question, string Answer, string Author, DateTimeOffset ReviewedAt, string ReviewedBy, string? TicketReference);

/// <summary>Curated answers: promoted, listed and removed by an admin; the bot answers from them at once.</summary>
public interface ICuratedAnswers
{
    /// <summary>Stores a reviewed answer and makes the bot answer from it.</summary>
    /// <exception cref="ArgumentException">The question, answer or a name is empty, too long or unusable.</exception>
    Task<CuratedAnswer> PromoteAsync(string question, string answer, string author, string reviewedBy, string? ticketReference, CancellationToken cancellationToken);

    /// <summary>The curated answers, oldest first.</summary>
    Task<IReadOnlyList<CuratedAnswer>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes an entry; the bot stops answering from it at once.</summary>
    /// <returns>False when there is no entry with that id.</returns>
    Task<bool> RemoveAsync(string id, string removedBy, CancellationToken cancellationToken);
}
