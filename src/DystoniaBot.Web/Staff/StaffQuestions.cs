using System.Text.RegularExpressions;
using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Knowledge.Search;
using DystoniaBot.Storage;

namespace DystoniaBot.Web.Staff;

/// <summary>How a staff action on a ticket went.</summary>
public enum StaffOutcome
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>The input was not acceptable (the message says why).</summary>
    Invalid,

    /// <summary>No ticket has that reference.</summary>
    NotFound,

    /// <summary>The ticket is not open any more.</summary>
    NotOpen,
}

/// <summary>The result of a staff action: the outcome, a message for people, and the ticket as it now stands.</summary>
/// <param name="Outcome">How it went.</param>
/// <param name="Message">Why not, unless done.</param>
/// <param name="Ticket">The ticket after the action, when there is one.</param>
public sealed record StaffResult(StaffOutcome Outcome, string? Message, Ticket? Ticket);

/// <summary>A rating of "not helpful", with what was asked and the passage that was answered.</summary>
/// <param name="At">When it was rated.</param>
/// <param name="Question">The question the answer was for, when known.</param>
/// <param name="PassageId">The passage answered with, when known.</param>
/// <param name="PassageText">That passage's text, when it still exists.</param>
/// <param name="Comment">What the user added, if anything.</param>
public sealed record UnhelpfulAnswer(DateTimeOffset At, string? Question, string? PassageId, string? PassageText, string? Comment);

/// <summary>Which page of the queue to show, as asked for.</summary>
/// <param name="Status">One status, or null for all.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Questions per page.</param>
/// <param name="NewestFirst">Newest first instead of oldest first.</param>
public sealed record QueuePage(TicketStatus? Status, int Page, int PageSize, bool NewestFirst)
{
    /// <summary>The sort order's name: oldest or newest.</summary>
    public string Sort => NewestFirst ? "newest" : "oldest";
}

/// <summary>What the staff console and API do with questions and feedback; both go through here so they behave alike.</summary>
public sealed partial class StaffQuestions
{
    /// <summary>Most tickets or ratings listed at once.</summary>
    public const int MaxListed = 200;

    /// <summary>Questions on a page unless asked otherwise.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Most questions on one page.</summary>
    public const int MaxPageSize = 100;

    private readonly TicketDesk _desk;
    private readonly IFeedbackStore _feedback;
    private readonly IKnowledgeSearch _knowledge;
    private readonly StaffAudit _audit;

    /// <summary>Creates the service.</summary>
    public StaffQuestions(TicketDesk desk, IFeedbackStore feedback, IKnowledgeSearch knowledge, StaffAudit audit)
    {
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _desk = desk ?? throw new ArgumentNullException(nameof(desk));
        _feedback = feedback ?? throw new ArgumentNullException(nameof(feedback));
        _knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
    }

    /// <summary>True when <paramref name="reference"/> has the shape of a ticket reference (Q-7K3M9P).</summary>
    public static bool IsReference(string? reference) => reference is not null && ReferencePattern().IsMatch(reference);

    /// <summary>Reads a status filter: empty is every status; null when it names no status.</summary>
    public static bool TryParseStatus(string? text, out TicketStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(text) || text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Enum.TryParse<TicketStatus>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            status = parsed;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Reads a queue request: status (open, answered, closed, all), page (from 1), page size (1 to
    /// <see cref="MaxPageSize"/>) and sort (oldest or newest), each optional; null with the reason when one is not understood.
    /// </summary>
    public static (QueuePage? Page, string? Problem) ParsePage(string? status, string? page, string? pageSize, string? sort)
    {
        if (!TryParseStatus(status, out var parsed))
        {
            return (null, "'status' must be open, answered, closed or all.");
        }

        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return (null, "'page' must be a whole number from 1.");
        }

        var size = DefaultPageSize;
        if (!string.IsNullOrEmpty(pageSize) && (!int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size)
            || size is < 1 or > MaxPageSize))
        {
            return (null, $"'pageSize' must be a whole number from 1 to {MaxPageSize}.");
        }

        if (!string.IsNullOrEmpty(sort) && sort is not ("oldest" or "newest"))
        {
            return (null, "'sort' must be oldest or newest.");
        }

        return (new QueuePage(parsed, number, size, sort == "newest"), null);
    }

    /// <summary>Tickets, oldest first.</summary>
    public Task<IReadOnlyList<Ticket>> ListAsync(TicketStatus? status, CancellationToken cancellationToken) =>
        _desk.ListAsync(status, MaxListed, cancellationToken);

    /// <summary>One page of the queue, with how many questions match in all.</summary>
    public Task<TicketPage> PageAsync(QueuePage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);

        // A page far beyond the last is empty rather than an overflow.
        var skip = (int)Math.Min(int.MaxValue, (long)(page.Page - 1) * page.PageSize);
        return _desk.QueryAsync(new TicketQuery(page.Status, page.NewestFirst, skip, page.PageSize), cancellationToken);
    }

    /// <summary>How many questions have each status.</summary>
    public Task<IReadOnlyDictionary<TicketStatus, int>> CountsAsync(CancellationToken cancellationToken) => _desk.CountByStatusAsync(cancellationToken);

    /// <summary>One ticket, or null (also for a malformed reference).</summary>
    public async Task<Ticket?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        // People type references in lower case too; they are stored in upper case.
        var normalized = reference?.Trim().ToUpperInvariant();
        return IsReference(normalized) ? await _desk.FindAsync(normalized!, cancellationToken) : null;
    }

    /// <summary>
    /// One ticket, or null, shown to <paramref name="reader"/>: the read is audited, since the question is health
    /// information (the entry names the reference, never the question).
    /// </summary>
    public async Task<Ticket?> ReadAsync(string reference, string reader, CancellationToken cancellationToken)
    {
        var ticket = await FindAsync(reference, cancellationToken);
        if (ticket is not null)
        {
            await _audit.RecordAsync(reader, "read-question", ticket.Reference, cancellationToken);
        }

        return ticket;
    }

    /// <summary>Answers an open ticket as <paramref name="staff"/>; the answer is then delivered into the asker's chat.</summary>
    public async Task<StaffResult> AnswerAsync(string reference, string? answer, string staff, CancellationToken cancellationToken)
    {
        var ticket = await FindAsync(reference, cancellationToken);
        if (ticket is null)
        {
            return new StaffResult(StaffOutcome.NotFound, "No question has that reference.", null);
        }

        if (string.IsNullOrWhiteSpace(answer))
        {
            return new StaffResult(StaffOutcome.Invalid, "Write an answer first.", ticket);
        }

        if (ticket.Status != TicketStatus.Open)
        {
            return NotOpen(ticket);
        }

        var (answered, problem) = await _desk.AnswerAsync(ticket.Reference, answer, staff, cancellationToken);
        if (answered is not null)
        {
            return new StaffResult(StaffOutcome.Done, null, answered);
        }

        // Someone else may have answered or closed it in the meantime; otherwise the desk refused the text.
        var now = await _desk.FindAsync(ticket.Reference, cancellationToken);
        return now is { Status: not TicketStatus.Open } ? NotOpen(now) : new StaffResult(StaffOutcome.Invalid, problem, now);
    }

    /// <summary>What staff are told when a close names no reason, or an unknown one.</summary>
    public static readonly string ReasonRequired =
        $"Choose why it is closed: {string.Join(", ", TicketCloseReasons.All.Select(TicketCloseReasons.Code))}.";

    /// <summary>
    /// Closes an open ticket without an answer, as <paramref name="staff"/>, for the reason coded
    /// <paramref name="reasonCode"/> (required); unless it is spam the asker is told, with <paramref name="note"/>.
    /// </summary>
    public async Task<StaffResult> CloseAsync(string reference, string? reasonCode, string? note, string staff, CancellationToken cancellationToken)
    {
        var ticket = await FindAsync(reference, cancellationToken);
        if (ticket is null)
        {
            return new StaffResult(StaffOutcome.NotFound, "No question has that reference.", null);
        }

        if (TicketCloseReasons.FromCode(reasonCode) is not { } reason)
        {
            return new StaffResult(StaffOutcome.Invalid, ReasonRequired, ticket);
        }

        if (note?.Trim().Length > TicketDesk.MaxCloseNoteLength)
        {
            return new StaffResult(StaffOutcome.Invalid, $"The note for the user must have at most {TicketDesk.MaxCloseNoteLength} characters.", ticket);
        }

        if (ticket.Status != TicketStatus.Open || !await _desk.CloseAsync(ticket.Reference, staff, reason, note, cancellationToken))
        {
            return NotOpen(await _desk.FindAsync(ticket.Reference, cancellationToken) ?? ticket);
        }

        return new StaffResult(StaffOutcome.Done, null, await _desk.FindAsync(ticket.Reference, cancellationToken));
    }

    /// <summary>Answers rated not helpful, newest first, with their question and passage.</summary>
    public async Task<IReadOnlyList<UnhelpfulAnswer>> UnhelpfulAsync(CancellationToken cancellationToken)
    {
        var ratings = await _feedback.ListAsync(MaxListed * 5, cancellationToken);
        return [.. ratings.Where(f => !f.Helpful).Take(MaxListed).Select(f => new UnhelpfulAnswer(f.At, f.Question, f.PassageId,
            f.PassageId is null ? null : _knowledge.FindPassage(f.PassageId)?.Passage.Text, f.Comment))];
    }

    private static StaffResult NotOpen(Ticket ticket) =>
        new(StaffOutcome.NotOpen, $"This question is already {ticket.Status.ToString().ToLowerInvariant()}.", ticket);

    [GeneratedRegex("^Q-[A-Z0-9]{4,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
