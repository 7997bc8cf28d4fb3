namespace DystoniaBot.Handoff;

/// <summary>Where a curated answer waiting for its second reviewer stands.</summary>
public enum CuratedSubmissionStatus
{
    /// <summary>Waiting for another staff member to approve it or send it back.</summary>
    Pending,

    /// <summary>Sent back to be edited; not served.</summary>
    SentBack,
}

/// <summary>A staff answer submitted to become a curated answer: not served until a second staff member approves it.</summary>
/// <param name="Id">Storage id.</param>
/// <param name="TicketReference">The ticket whose answer it came from, if any (one submission per ticket).</param>
/// <param name="Question">The question, as edited for everyone.</param>
/// <param name="Answer">The answer, as edited for everyone.</param>
/// <param name="Author">Who wrote the original answer.</param>
/// <param name="SubmittedBy">Who edited and submitted it (who may not approve it).</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="Status">Pending or sent back.</param>
/// <param name="ReviewedBy">Who sent it back, once someone did.</param>
/// <param name="ReviewNote">What they asked to change.</param>
public sealed record CuratedSubmission(long Id, string? TicketReference, string Question, string Answer, string Author, string SubmittedBy, DateTimeOffset SubmittedAt,
    CuratedSubmissionStatus Status, string? ReviewedBy, string? ReviewNote);

/// <summary>A submission to store.</summary>
/// <param name="TicketReference">The ticket the answer came from, if any.</param>
/// <param name="Question">The question.</param>
/// <param name="Answer">The answer.</param>
/// <param name="Author">Who wrote the original answer.</param>
/// <param name="SubmittedBy">Who submits it.</param>
public sealed record NewCuratedSubmission(string? TicketReference, string Question, string Answer, string Author, string SubmittedBy);

/// <summary>Curated answers waiting for review, kept in the bot's database (never in the knowledge folder, which is served).</summary>
public interface ICuratedSubmissionStore
{
    /// <summary>Stores a pending submission, replacing any earlier one of the same ticket (sent back or not).</summary>
    Task<CuratedSubmission> SubmitAsync(NewCuratedSubmission submission, CancellationToken cancellationToken);

    /// <summary>The submissions, pending and sent back, oldest first.</summary>
    Task<IReadOnlyList<CuratedSubmission>> ListSubmissionsAsync(int max, CancellationToken cancellationToken);

    /// <summary>The submission <paramref name="id"/>, or null.</summary>
    Task<CuratedSubmission?> FindSubmissionAsync(long id, CancellationToken cancellationToken);

    /// <summary>The submission made from ticket <paramref name="ticketReference"/>, or null.</summary>
    Task<CuratedSubmission?> FindSubmissionForTicketAsync(string ticketReference, CancellationToken cancellationToken);

    /// <summary>Marks a pending submission sent back, with the reviewer and their note; false when it isn't pending.</summary>
    Task<bool> SendBackAsync(long id, string reviewer, string? note, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a pending submission and returns it, for its approver to publish; null when it isn't pending (another
    /// reviewer took it first, or it was sent back or replaced), so one submission is published once.
    /// </summary>
    Task<CuratedSubmission?> TakePendingAsync(long id, CancellationToken cancellationToken);

    /// <summary>Deletes submissions made before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteSubmissionsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
