using DystoniaBot.Handoff;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff.Admin;

/// <summary>
/// /staff/admin/curated: answers waiting for a second reviewer (approve, or send back with a note), those sent back,
/// and the curated answers the bot serves, each removed only after a confirmation (admins only).
/// </summary>
public sealed class CuratedModel : PageModel
{
    private readonly CuratedAnswerDesk _curated;

    /// <summary>Creates the page.</summary>
    public CuratedModel(CuratedAnswerDesk curated) => _curated = curated;

    /// <summary>The curated answers served.</summary>
    public IReadOnlyList<CuratedAnswer> Answers { get; private set; } = [];

    /// <summary>Submissions waiting for review.</summary>
    public IReadOnlyList<CuratedSubmission> Pending { get; private set; } = [];

    /// <summary>Submissions sent back to be edited.</summary>
    public IReadOnlyList<CuratedSubmission> SentBack { get; private set; } = [];

    /// <summary>The curated answer whose removal is being confirmed, if any.</summary>
    public CuratedAnswer? Removing { get; private set; }

    /// <summary>What the last action did.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the last action was refused (shown as an alert).</summary>
    public string? Problem { get; private set; }

    /// <summary>Lists them; with <c>?remove=id</c>, asks to confirm that removal.</summary>
    public async Task OnGetAsync(string? remove, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Removing = remove is null ? null : Answers.FirstOrDefault(a => a.Id == remove);
        if (remove is not null && Removing is null)
        {
            Problem = "That curated answer was already gone.";
        }
    }

    /// <summary>Approves a submission (not one's own: 403, said plainly); the bot answers from it at once.</summary>
    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(_curated.ApproveAsync(id, User.Identity!.Name!, cancellationToken), "Approved: the bot now answers from it.", cancellationToken);

    /// <summary>Sends a submission back to be edited, with a note.</summary>
    public Task<IActionResult> OnPostSendBackAsync(long id, string? note, CancellationToken cancellationToken) =>
        ActAsync(_curated.SendBackAsync(id, User.Identity!.Name!, note, cancellationToken), "Sent back to be edited.", cancellationToken);

    /// <summary>Removes a curated answer; reached only from the confirmation.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return BadRequest();
        }

        Message = await _curated.RemoveAsync(id, User.Identity!.Name!, cancellationToken) ? "Removed: the bot no longer answers from it." : "That curated answer was already gone.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ActAsync(Task<ReviewResult> step, string done, CancellationToken cancellationToken)
    {
        var result = await step;
        if (result.Outcome == ReviewOutcome.Done)
        {
            Message = done;
            return RedirectToPage();
        }

        Problem = result.Message;
        Response.StatusCode = result.Outcome switch
        {
            ReviewOutcome.OwnSubmission => StatusCodes.Status403Forbidden,
            ReviewOutcome.NotFound => StatusCodes.Status409Conflict,
            ReviewOutcome.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Answers = await _curated.ListAsync(cancellationToken);
        var submissions = await _curated.ListSubmissionsAsync(cancellationToken);
        Pending = [.. submissions.Where(s => s.Status == CuratedSubmissionStatus.Pending)];
        SentBack = [.. submissions.Where(s => s.Status == CuratedSubmissionStatus.SentBack)];
    }
}
