using DystoniaBot.Conversation.Handoff;
using DystoniaBot.Conversation.Policy;
using DystoniaBot.Handoff;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>
/// /staff/close: closing one question, or several from the queue, without an answer. Staff choose a reason (and may
/// add a note for the user), see what the user will be told, and confirm; only the confirming POST closes anything.
/// </summary>
public sealed partial class CloseModel : PageModel
{
    /// <summary>Most questions closed at once.</summary>
    public const int MaxAtOnce = 100;

    private readonly StaffQuestions _questions;
    private readonly ConversationPolicy _policy;

    /// <summary>Creates the page.</summary>
    public CloseModel(StaffQuestions questions, ConversationPolicy policy)
    {
        _questions = questions;
        _policy = policy;
    }

    /// <summary>The references of the questions to close.</summary>
    [BindProperty(SupportsGet = true)]
    public List<string> References { get; set; } = [];

    /// <summary>The reason's code (care-team, not-dystonia, duplicate, spam).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Reason { get; set; }

    /// <summary>A note for the user, added to the message telling them.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The open questions among <see cref="References"/>.</summary>
    public IReadOnlyList<Ticket> Tickets { get; private set; } = [];

    /// <summary>How many of the references named no open question (closed or answered meanwhile, or unknown).</summary>
    public int NotOpen { get; private set; }

    /// <summary>True once a reason is chosen: the page asks for confirmation.</summary>
    public bool Confirming { get; private set; }

    /// <summary>The reason chosen, once valid.</summary>
    public TicketCloseReason? ChosenReason { get; private set; }

    /// <summary>What the (first) user will be told, or null for spam.</summary>
    public string? Preview { get; private set; }

    /// <summary>Why the choice was refused.</summary>
    public string? Problem { get; private set; }

    /// <summary>Shows the reasons, or straight away the confirmation when the link names a reason (the queue's "close as spam").</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Reason is not null)
        {
            Choose();
        }

        return Page();
    }

    /// <summary>Takes the reason and note and asks for confirmation.</summary>
    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Choose())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>Closes the questions, each audited; unless they are spam, each user is told in their chat.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Choose())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var closed = new List<string>();
        foreach (var ticket in Tickets)
        {
            var result = await _questions.CloseAsync(ticket.Reference, Reason, Note, User.Identity!.Name!, cancellationToken);
            if (result.Outcome == StaffOutcome.Done)
            {
                closed.Add(ticket.Reference);
            }
        }

        var told = TicketCloseReasons.TellsTheAsker(ChosenReason!.Value) ? " The user is being told in their chat." : " No message is sent for spam.";
        TempData["Message"] = closed.Count switch
        {
            0 => "Nothing was closed: the questions were no longer open.",
            1 => $"Closed {closed[0]}: {StaffFormat.CloseReason(ChosenReason.Value).ToLowerInvariant()}.{told}",
            _ => $"Closed {closed.Count} questions: {StaffFormat.CloseReason(ChosenReason.Value).ToLowerInvariant()}.{told}",
        };
        return References.Count == 1 ? Redirect("/staff/questions/" + Tickets[0].Reference) : Redirect("/staff");
    }

    /// <summary>Reads the references; null when there is something to show, else the refusal.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        References = [.. References.Select(r => r.Trim().ToUpperInvariant()).Where(StaffQuestions.IsReference).Distinct(StringComparer.Ordinal)];
        if (References.Count == 0)
        {
            Problem = "Choose the questions to close in the queue first.";
            return null;
        }

        if (References.Count > MaxAtOnce)
        {
            return BadRequest();
        }

        var open = new List<Ticket>();
        foreach (var reference in References)
        {
            if (await _questions.FindAsync(reference, cancellationToken) is { Status: TicketStatus.Open } ticket)
            {
                open.Add(ticket);
            }
        }

        Tickets = open;
        NotOpen = References.Count - open.Count;
        return References.Count == 1 && NotOpen == 1 && await _questions.FindAsync(References[0], cancellationToken) is null ? NotFound() : null;
    }

    /// <summary>The message's Markdown as the user reads it once rendered: no bold markers, no escaping backslashes.</summary>
    private static string AsPlainText(string markdown) =>
        MarkdownEscape().Replace(markdown.Replace("**", string.Empty, StringComparison.Ordinal), "$1");

    [System.Text.RegularExpressions.GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!<>|~])")]
    private static partial System.Text.RegularExpressions.Regex MarkdownEscape();

    /// <summary>Checks the reason and note; on success the page shows the confirmation.</summary>
    private bool Choose()
    {
        ChosenReason = TicketCloseReasons.FromCode(Reason);
        if (ChosenReason is not { } reason)
        {
            Problem = "Choose why you are closing it.";
            return false;
        }

        if (Note?.Trim().Length > TicketDesk.MaxCloseNoteLength)
        {
            Problem = $"The note for the user must have at most {TicketDesk.MaxCloseNoteLength} characters.";
            return false;
        }

        Reason = TicketCloseReasons.Code(reason);
        Confirming = Tickets.Count > 0;
        Preview = Tickets.Count > 0 && TicketCloseReasons.TellsTheAsker(reason)
            ? AsPlainText(_policy.TicketClosed(Tickets[0].Reference, Tickets[0].Question, reason, Note, Tickets[0].Locale).Text)
            : null;
        return true;
    }
}
