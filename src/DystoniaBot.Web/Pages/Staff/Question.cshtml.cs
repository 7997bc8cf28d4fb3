using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>
/// /staff/questions/{reference}: the question as the user agreed to share it, the answer form and the way to close
/// it; once answered or closed, what was done and whether it reached the user's chat (kept up to date by staff.js
/// through the Delivery handler).
/// </summary>
public sealed class QuestionModel : PageModel
{
    private readonly StaffQuestions _questions;
    private readonly TimeProvider _time;

    /// <summary>Creates the page.</summary>
    public QuestionModel(StaffQuestions questions, TimeProvider time, IOptions<HandoffOptions> handoff)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        _questions = questions;
        _time = time;
        MaxAnswerLength = handoff.Value.MaxAnswerLength;
    }

    /// <summary>The ticket shown.</summary>
    public Ticket Ticket { get; private set; } = null!;

    /// <summary>The answer typed (kept when it is refused, so nothing typed is lost).</summary>
    [BindProperty]
    public string? Answer { get; set; }

    /// <summary>What the last action did (closing, from the close page).</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the action was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Longest answer accepted.</summary>
    public int MaxAnswerLength { get; }

    /// <summary>Now, for the age.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Shows the ticket.</summary>
    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var ticket = await _questions.ReadAsync(reference, User.Identity!.Name!, cancellationToken);
        if (ticket is null)
        {
            return NotFound();
        }

        Ticket = ticket;
        return Page();
    }

    /// <summary>Answers the ticket; on a refusal the page comes back with the typed answer and the reason.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(string reference, CancellationToken cancellationToken) =>
        Act(await _questions.AnswerAsync(reference, Answer, User.Identity!.Name!, cancellationToken));

    /// <summary>
    /// Where the delivery of the answer (or closing message) stands, as JSON for the page's script:
    /// <c>{"delivery": "none|pending|delivered", "text": "…"}</c>. Not audited as a read: it holds nothing the user wrote.
    /// </summary>
    public async Task<IActionResult> OnGetDeliveryAsync(string reference, CancellationToken cancellationToken)
    {
        var ticket = await _questions.FindAsync(reference, cancellationToken);
        return ticket is null
            ? NotFound()
            : new JsonResult(new { delivery = ticket.Delivery.ToString().ToLowerInvariant(), text = StaffFormat.DeliveryState(ticket), failed = ticket.DeliveryAttempts > 0 });
    }

    private IActionResult Act(StaffResult result)
    {
        if (result.Outcome == StaffOutcome.NotFound || result.Ticket is null)
        {
            return NotFound();
        }

        if (result.Outcome == StaffOutcome.Done)
        {
            return Redirect("/staff/questions/" + result.Ticket.Reference);
        }

        Ticket = result.Ticket;
        Problem = result.Message;
        Response.StatusCode = result.Outcome == StaffOutcome.NotOpen ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }
}
