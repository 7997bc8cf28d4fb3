using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff.Admin;

/// <summary>
/// /staff/admin/erase: an admin erases everything kept of one conversation, named by a question's reference or the
/// conversation; the GET shows what will go, only the POST (with its antiforgery token) deletes (admins only).
/// </summary>
public sealed class EraseModel : PageModel
{
    private readonly StaffErasure _erasure;

    /// <summary>Creates the page.</summary>
    public EraseModel(StaffErasure erasure) => _erasure = erasure;

    /// <summary>A reference or conversation key, as typed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Which { get; set; }

    /// <summary>What will be erased, once found.</summary>
    public ErasureTarget? Target { get; private set; }

    /// <summary>Why nothing was found.</summary>
    public string? Problem { get; private set; }

    /// <summary>What the last erasure did.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>Shows the form, and with <see cref="Which"/> what it names, to confirm.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Which))
        {
            (Target, Problem) = await _erasure.FindAsync(Which, cancellationToken);
            if (Target is null)
            {
                Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }

        return Page();
    }

    /// <summary>Erases what <see cref="Which"/> names (looked up again: it may have changed since the page was shown).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        (Target, Problem) = await _erasure.FindAsync(Which, cancellationToken);
        if (Target is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var deleted = await _erasure.EraseAsync(Target, User.Identity!.Name!, cancellationToken);
        Message = $"Erased: everything kept of {(Target.Reference is null ? "the conversation" : "the conversation of " + Target.Reference)} is deleted ({deleted} rows). The audit log records that you did it.";
        return RedirectToPage();
    }
}
