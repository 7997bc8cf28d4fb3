using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Handoff;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff.Admin;

/// <summary>
/// /staff/admin/promote/{reference}: an admin edits an answered question and its answer for everyone and submits
/// them for review; what looks personal is pointed out and must be edited out first. Another staff member approves
/// it on /staff/admin/curated before the bot uses it.
/// </summary>
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

    /// <summary>The question, as edited.</summary>
    [BindProperty]
    public string? Question { get; set; }

    /// <summary>The answer, as edited.</summary>
    [BindProperty]
    public string? Answer { get; set; }

    /// <summary>Why it can't be submitted.</summary>
    public string? Problem { get; private set; }

    /// <summary>What looks personal in the texts shown.</summary>
    public IReadOnlyList<PersonalDetail> Details { get; private set; } = [];

    /// <summary>The earlier submission of this ticket, sent back or waiting.</summary>
    public CuratedSubmission? Earlier { get; private set; }

    /// <summary>Shows the form filled with the ticket's texts (or the earlier submission's), with what looks personal in them.</summary>
    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }

        Question = Earlier?.Question ?? Ticket.Question;
        Answer = Earlier?.Answer ?? Ticket.Answer;
        Details = _curated.PersonalDetailsIn(Question, Answer ?? string.Empty, Ticket.AnsweredBy, User.Identity!.Name);
        return Page();
    }

    /// <summary>Submits the edited texts for review; on a refusal the form comes back with them and the reasons.</summary>
    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }

        var result = await _curated.SubmitAsync(Question, Answer, Ticket.AnsweredBy ?? User.Identity!.Name!, User.Identity!.Name!, Ticket.Reference, cancellationToken);
        if (result.Outcome != ReviewOutcome.Done)
        {
            (Problem, Details) = (result.Message, result.Details);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = $"Submitted for review. Another staff member must approve it before the bot uses it.";
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
        Earlier = await _curated.FindSubmissionForTicketAsync(ticket.Reference, cancellationToken);
        return true;
    }
}
