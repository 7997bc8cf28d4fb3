using DystoniaBot.Handoff;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Staff;

/// <summary>How a step of a curated answer's review went.</summary>
public enum ReviewOutcome
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>The texts can't be submitted as they are (the message says why).</summary>
    Invalid,

    /// <summary>No such submission waiting for review.</summary>
    NotFound,

    /// <summary>Its author may not approve it: a second staff member must.</summary>
    OwnSubmission,

    /// <summary>It could not be published right now.</summary>
    Unavailable,
}

/// <summary>The result of a review step, a message for people, and the personal details that stop a submission.</summary>
/// <param name="Outcome">How it went.</param>
/// <param name="Message">Why not, unless done.</param>
/// <param name="Details">What looks personal, when that is why.</param>
public sealed record ReviewResult(ReviewOutcome Outcome, string? Message, IReadOnlyList<PersonalDetail> Details)
{
    /// <summary>Done.</summary>
    public static ReviewResult Done { get; } = new(ReviewOutcome.Done, null, []);
}

/// <summary>
/// What admins do with curated answers. A staff reply is submitted (after editing out anything personal, which is
/// checked here) and waits in the database; only when a second staff member approves it is it published to the
/// knowledge folder, indexed and served. Each step is audited: submit-answer, approve-answer (with the store's
/// promote-answer), send-back-answer, remove-answer.
/// </summary>
public sealed class CuratedAnswerDesk
{
    /// <summary>Longest curated question, in characters.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Longest curated answer, in characters.</summary>
    public const int MaxAnswerLength = 8000;

    /// <summary>Longest note sending a submission back, in characters.</summary>
    public const int MaxNoteLength = 1000;

    private const int MaxListed = 200;
    private readonly ICuratedAnswers _curated;
    private readonly ICuratedSubmissionStore _submissions;
    private readonly StaffAudit _audit;
    private readonly IOptionsMonitor<StaffOptions> _staff;

    /// <summary>Creates the desk.</summary>
    public CuratedAnswerDesk(ICuratedAnswers curated, ICuratedSubmissionStore submissions, StaffAudit audit, IOptionsMonitor<StaffOptions> staff)
    {
        _curated = curated ?? throw new ArgumentNullException(nameof(curated));
        _submissions = submissions ?? throw new ArgumentNullException(nameof(submissions));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _staff = staff ?? throw new ArgumentNullException(nameof(staff));
    }

    /// <summary>The curated answers the bot serves.</summary>
    public Task<IReadOnlyList<CuratedAnswer>> ListAsync(CancellationToken cancellationToken) => _curated.ListAsync(cancellationToken);

    /// <summary>The submissions waiting for review or sent back, oldest first.</summary>
    public Task<IReadOnlyList<CuratedSubmission>> ListSubmissionsAsync(CancellationToken cancellationToken) => _submissions.ListSubmissionsAsync(MaxListed, cancellationToken);

    /// <summary>The submission made from ticket <paramref name="reference"/>, if any.</summary>
    public Task<CuratedSubmission?> FindSubmissionForTicketAsync(string reference, CancellationToken cancellationToken) =>
        _submissions.FindSubmissionForTicketAsync(reference, cancellationToken);

    /// <summary>Why <paramref name="question"/> and <paramref name="answer"/> can't be curated, or null when they can.</summary>
    public static string? Problem(string? question, string? answer) =>
        string.IsNullOrWhiteSpace(question) || question.Trim().Length > MaxQuestionLength ? $"The question must have between 1 and {MaxQuestionLength} characters."
        : string.IsNullOrWhiteSpace(answer) || answer.Trim().Length > MaxAnswerLength ? $"The answer must have between 1 and {MaxAnswerLength} characters."
        : null;

    /// <summary>What looks personal in the texts: the staff's names count, and <paramref name="alsoNames"/> (the answer's author, say).</summary>
    public IReadOnlyList<PersonalDetail> PersonalDetailsIn(string question, string answer, params string?[] alsoNames) =>
        PersonalDetails.Find(question, answer, _staff.CurrentValue.Accounts.Keys.Concat(alsoNames.OfType<string>()));

    /// <summary>
    /// Submits an edited question and answer for review, replacing an earlier submission of the same ticket; refused
    /// while anything in them looks personal. Nothing is served until another staff member approves it.
    /// </summary>
    public async Task<ReviewResult> SubmitAsync(string? question, string? answer, string author, string submittedBy, string? ticketReference,
        CancellationToken cancellationToken)
    {
        if (Problem(question, answer) is { } problem)
        {
            return new ReviewResult(ReviewOutcome.Invalid, problem, []);
        }

        var details = PersonalDetailsIn(question!, answer!, author, submittedBy);
        if (details.Count > 0)
        {
            return new ReviewResult(ReviewOutcome.Invalid, "Edit out what looks personal before submitting: everyone who asks will read this answer.", details);
        }

        var submission = await _submissions.SubmitAsync(new NewCuratedSubmission(ticketReference, question!.Trim(), answer!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            author, submittedBy), cancellationToken);
        await _audit.RecordAsync(submittedBy, "submit-answer", Target(submission), cancellationToken);
        return ReviewResult.Done;
    }

    /// <summary>
    /// Approves a pending submission as <paramref name="approver"/>, who must not be the one who submitted it: it is
    /// published, and the bot answers from it at once.
    /// </summary>
    public async Task<ReviewResult> ApproveAsync(long id, string approver, CancellationToken cancellationToken)
    {
        var submission = await _submissions.FindSubmissionAsync(id, cancellationToken);
        if (submission is not { Status: CuratedSubmissionStatus.Pending })
        {
            return new ReviewResult(ReviewOutcome.NotFound, "That answer is no longer waiting for review.", []);
        }

        if (string.Equals(submission.SubmittedBy, approver, StringComparison.OrdinalIgnoreCase))
        {
            return new ReviewResult(ReviewOutcome.OwnSubmission, "You submitted this answer, so another staff member must approve it.", []);
        }

        // Taken from the queue first, so two reviewers approving at once publish it once.
        if (await _submissions.TakePendingAsync(id, cancellationToken) is not { } taken)
        {
            return new ReviewResult(ReviewOutcome.NotFound, "That answer is no longer waiting for review.", []);
        }

        try
        {
            await _curated.PromoteAsync(taken.Question, taken.Answer, taken.Author, approver, taken.TicketReference, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            // Not published: it waits for review again, as it was.
            await _submissions.SubmitAsync(new NewCuratedSubmission(taken.TicketReference, taken.Question, taken.Answer, taken.Author, taken.SubmittedBy), cancellationToken);
            return new ReviewResult(ReviewOutcome.Unavailable, e is ArgumentException ? e.Message : "The curated answer could not be saved right now; try again in a moment.", []);
        }

        await _audit.RecordAsync(approver, "approve-answer", Target(taken), cancellationToken);
        return ReviewResult.Done;
    }

    /// <summary>Sends a pending submission back to be edited, with a note saying what to change; it is not served.</summary>
    public async Task<ReviewResult> SendBackAsync(long id, string reviewer, string? note, CancellationToken cancellationToken)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            return new ReviewResult(ReviewOutcome.Invalid, $"The note must have at most {MaxNoteLength} characters.", []);
        }

        var submission = await _submissions.FindSubmissionAsync(id, cancellationToken);
        if (submission is null || !await _submissions.SendBackAsync(id, reviewer, note, cancellationToken))
        {
            return new ReviewResult(ReviewOutcome.NotFound, "That answer is no longer waiting for review.", []);
        }

        await _audit.RecordAsync(reviewer, "send-back-answer", Target(submission), cancellationToken);
        return ReviewResult.Done;
    }

    /// <summary>Removes a curated answer; false when there was none.</summary>
    public Task<bool> RemoveAsync(string id, string removedBy, CancellationToken cancellationToken) => _curated.RemoveAsync(id, removedBy, cancellationToken);

    private static string Target(CuratedSubmission submission) =>
        submission.TicketReference is null ? $"submission {submission.Id}" : $"{submission.TicketReference} (submission {submission.Id})";
}
