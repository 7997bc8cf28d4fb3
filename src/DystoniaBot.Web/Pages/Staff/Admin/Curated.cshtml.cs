using DystoniaBot.Handoff;
using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff.Admin;

/// <summary>/staff/admin/curated: the curated answers, and removing one (admins only).</summary>
public sealed class CuratedModel : PageModel
{
    private readonly CuratedAnswerDesk _curated;

    /// <summary>Creates the page.</summary>
    public CuratedModel(CuratedAnswerDesk curated) => _curated = curated;

    /// <summary>The curated answers.</summary>
    public IReadOnlyList<CuratedAnswer> Answers { get; private set; } = [];

    /// <summary>What the last action did.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Lists them.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Answers = await _curated.ListAsync(cancellationToken);

    /// <summary>Removes one.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return BadRequest();
        }

        Message = await _curated.RemoveAsync(id, User.Identity!.Name!, cancellationToken) ? "Removed." : "That curated answer was already gone.";
        return RedirectToPage();
    }
}
