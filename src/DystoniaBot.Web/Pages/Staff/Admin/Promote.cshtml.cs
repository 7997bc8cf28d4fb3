using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Persistence;
using DystoniaBot.Handoff;
using DystoniaBot.Storage;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff.Admin;

/// <summary>/staff/admin/promote/{reference}: an admin reviews an answered question and its answer and saves them as a curated answer.</summary>
public sealed class PromoteModel : PageModel
{
    private readonly StaffQuestions _questions;
    private readonly CuratedAnswerDesk _curated;

    /// <summary>Creates the page.</summary>
    public PromoteModel(StaffQuestions questions, CuratedAnswerDesk curated)
    {
        _questions = questions;
        _curated = curated;
    }

    /// <summary>The answered ticket.</summary>
    public Ticket Ticket { get; private set; } = null!;

    /// <summary>The question, as reviewed.</summary>
    [BindProperty]
    public string? Question { get; set; }

    /// <summary>The answer, as reviewed.</summary>
    [BindProperty]
    public string? Answer { get; set; }

    /// <summary>Why it can't be saved.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the form filled with the ticket's question and answer.</summary>
    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }

        Question = Ticket.Question;
        Answer = Ticket.Answer;
        return Page();
    }

    /// <summary>Saves the reviewed texts; on a refusal the form comes back with them.</summary>
    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }

        Problem = CuratedAnswerDesk.Problem(Question, Answer);
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            await _curated.PromoteAsync(Question!, Answer!, Ticket.AnsweredBy ?? User.Identity!.Name!, User.Identity!.Name!, Ticket.Reference, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The store couldn't write it: keep the reviewed texts on the page so the work isn't lost.
            Problem = "The curated answer could not be saved right now; try again in a moment.";
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        TempData["Message"] = "Saved as a curated answer.";
        return RedirectToPage("/Staff/Admin/Curated");
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var ticket = await _questions.FindAsync(reference, cancellationToken);
        if (ticket is not { Status: TicketStatus.Answered })
        {
            return false;
        }

        Ticket = ticket;
        return true;
    }
}
