using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>/staff/denied: where a signed-in user without the needed role lands (403).</summary>
public sealed class DeniedModel : PageModel
{
    /// <summary>Says so, with the status to match.</summary>
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
