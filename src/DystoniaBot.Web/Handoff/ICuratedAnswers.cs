namespace DystoniaBot.Web.Handoff;

/// <summary>A staff answer an admin reviewed and made part of the knowledge base.</summary>
/// <param name="Id">Stable id of the curated answer.</param>
/// <param name="Question">The question, as reviewed.</param>
/// <param name="Answer">The answer, as reviewed.</param>
/// <param name="Author">Who wrote the answer.</param>
/// <param name="ReviewedAt">When it was reviewed.</param>
/// <param name="ReviewedBy">The admin who reviewed it.</param>
/// <param name="TicketReference">The ticket it came from, if any.</param>
public sealed record CuratedAnswer(string Id, string Question, string Answer, string Author, DateTimeOffset ReviewedAt, string ReviewedBy, string? TicketReference);

/// <summary>Curated answers: reviewed staff answers that the bot can quote like any article.</summary>
public interface ICuratedAnswers
{
    /// <summary>Adds a reviewed answer to the knowledge base.</summary>
    Task<CuratedAnswer> PromoteAsync(string question, string answer, string author, string reviewedBy, string? ticketReference, CancellationToken cancellationToken);

    /// <summary>The curated answers.</summary>
    Task<IReadOnlyList<CuratedAnswer>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes a curated answer; false when there is none with <paramref name="id"/>.</summary>
    Task<bool> RemoveAsync(string id, string removedBy, CancellationToken cancellationToken);
}
