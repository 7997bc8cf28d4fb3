using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>/staff: the questions users forwarded, oldest first, filtered by status.</summary>
public sealed class QueueModel : PageModel
{
    private readonly StaffQuestions _questions;
    private readonly TimeProvider _time;

    /// <summary>Creates the page.</summary>
    public QueueModel(StaffQuestions questions, TimeProvider time)
    {
        _questions = questions;
        _time = time;
    }

    /// <summary>The filters offered.</summary>
    public static IReadOnlyList<string> StatusOptions { get; } = ["open", "answered", "closed", "all"];

    /// <summary>The status shown.</summary>
    [BindProperty(SupportsGet = true)]
    public string Status { get; set; } = "open";

    /// <summary>The tickets shown.</summary>
    public IReadOnlyList<Ticket> Tickets { get; private set; } = [];

    /// <summary>Now, for ages.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Why the filter was not understood.</summary>
    public string? Problem { get; private set; }

    /// <summary>Lists the tickets.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = _time.GetUtcNow();
        if (!StaffQuestions.TryParseStatus(Status, out var status))
        {
            Problem = "Choose open, answered, closed or all.";
            Status = "open";
            status = Conversation.Handoff.TicketStatus.Open;
        }

        Status = Status.ToLowerInvariant();
        Tickets = await _questions.ListAsync(status, cancellationToken);
    }
}
