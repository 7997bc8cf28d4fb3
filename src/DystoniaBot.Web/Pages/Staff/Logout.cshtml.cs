using DystoniaBot.Web.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DystoniaBot.Web.Pages.Staff;

/// <summary>/staff/logout: ends the console session (POST only, with the antiforgery token).</summary>
public sealed class LogoutModel : PageModel
{
    /// <summary>Signs out.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(StaffRoles.CookieScheme);
        return RedirectToPage("/Staff/Login");
    }
}
