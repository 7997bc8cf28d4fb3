using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Persistence;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Handoff;

/// <summary>What health-line staff do with tickets — answer, close — each recorded in the audit log.</summary>
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

    /// <summary>The tickets, oldest first.</summary>
    public Task<IReadOnlyList<Ticket>> ListAsync(TicketStatus? status, int max, CancellationToken cancellationToken) =>
        _tickets.ListAsync(status, max, cancellationToken);

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

    /// <summary>Closes an open ticket without an answer.</summary>
    public async Task<bool> CloseAsync(string reference, string staff, CancellationToken cancellationToken)
    {
        if (!await _tickets.CloseAsync(reference, staff, cancellationToken))
        {
            return false;
        }

        await _tickets.AuditAsync(staff, "close", reference, cancellationToken);
        return true;
    }
}
