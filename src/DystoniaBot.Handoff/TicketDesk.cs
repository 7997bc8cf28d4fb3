using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Persistence;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Handoff;

/// <summary>What health-line staff do with tickets — answer, close — each recorded in the audit log.</summary>
/// <remarks>The audit log names the ticket and, for a close, the reason's code: never what the asker or staff wrote.</remarks>
public sealed class TicketDesk
{
    private readonly ITicketStore _tickets;
    private readonly StaffAnswerDelivery _delivery;
    private readonly HandoffOptions _options;

    /// <summary>Creates the desk.</summary>
    public TicketDesk(ITicketStore tickets, StaffAnswerDelivery delivery, IOptions<HandoffOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tickets = tickets ?? throw new ArgumentNullException(nameof(tickets));
        _delivery = delivery ?? throw new ArgumentNullException(nameof(delivery));
        _options = options.Value;
    }

    /// <summary>Longest note staff may add for the asker when closing a question, in characters.</summary>
    public const int MaxCloseNoteLength = 500;

    /// <summary>The tickets, oldest first.</summary>
    public Task<IReadOnlyList<Ticket>> ListAsync(TicketStatus? status, int max, CancellationToken cancellationToken) =>
        _tickets.ListAsync(status, max, cancellationToken);

    /// <summary>A page of tickets and how many match in all.</summary>
    public Task<TicketPage> QueryAsync(TicketQuery query, CancellationToken cancellationToken) => _tickets.QueryAsync(query, cancellationToken);

    /// <summary>How many tickets have each status.</summary>
    public Task<IReadOnlyDictionary<TicketStatus, int>> CountByStatusAsync(CancellationToken cancellationToken) => _tickets.CountByStatusAsync(cancellationToken);

    /// <summary>One ticket, or null.</summary>
    public Task<Ticket?> FindAsync(string reference, CancellationToken cancellationToken) => _tickets.FindTicketAsync(reference, cancellationToken);

    /// <summary>Answers an open ticket: stored (and audited) first, then delivered into the asker's chat.</summary>
    /// <returns>The answered ticket, or why not.</returns>
    public async Task<(Ticket? Ticket, string? Problem)> AnswerAsync(string reference, string answer, string staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = answer.Trim();
        if (text.Length == 0 || text.Length > _options.MaxAnswerLength)
        {
            return (null, $"The answer must have between 1 and {_options.MaxAnswerLength} characters.");
        }

        var answered = await _tickets.AnswerAsync(reference, text, staff, cancellationToken);
        if (answered is null)
        {
            return (null, await _tickets.FindTicketAsync(reference, cancellationToken) is null ? "No such ticket." : "The ticket is no longer open.");
        }

        await _tickets.AuditAsync(staff, "answer", reference, cancellationToken);
        _delivery.Wake();
        return (answered, null);
    }

    /// <summary>
    /// Closes an open ticket without an answer, for <paramref name="reason"/>: unless it is spam, the asker is sent a
    /// message saying so (with <paramref name="note"/>, if given), delivered and retried like an answer. The audit
    /// entry names the reason's code, not the note.
    /// </summary>
    /// <returns>False when the ticket isn't open (or doesn't exist).</returns>
    /// <exception cref="ArgumentException">The note is longer than <see cref="MaxCloseNoteLength"/>.</exception>
    public async Task<bool> CloseAsync(string reference, string staff, TicketCloseReason reason, string? note, CancellationToken cancellationToken)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxCloseNoteLength)
        {
            throw new ArgumentException($"The note must have at most {MaxCloseNoteLength} characters.", nameof(note));
        }

        if (!await _tickets.CloseAsync(reference, staff, reason, note, cancellationToken))
        {
            return false;
        }

        await _tickets.AuditAsync(staff, "close", $"{reference} ({TicketCloseReasons.Code(reason)})", cancellationToken);
        if (TicketCloseReasons.TellsTheAsker(reason))
        {
            _delivery.Wake();
        }

        return true;
    }
}
